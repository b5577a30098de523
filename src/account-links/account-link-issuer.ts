import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import {
  ACCOUNT_LINK_TOPICS,
  ACCOUNT_LINK_TTL_MS,
  hashAccountLinkToken,
  INVITATION_TOPIC,
  INVITATION_TTL_MS,
  LINK_MAX_PER_HOUR,
  LINK_REISSUE_AFTER_MS,
  newAccountLinkToken,
  type AccountLinkPurpose,
} from './account-links.js';
import { AccountTokensRepository } from './account-tokens.repository.js';

export type IssueOutcome = { issued: true } | { issued: false; retryAfterMs: number };

/**
 * Creates a link and queues its e-mail in the caller's transaction (the outbox sends it after the
 * commit). The event carries the token itself, as the e-mail will: the table keeps only its hash.
 */
@Injectable()
export class AccountLinkIssuer {
  constructor(
    private readonly tokens: AccountTokensRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async issue(manager: EntityManager, userId: string, purpose: AccountLinkPurpose): Promise<IssueOutcome> {
    const recent = await this.tokens.issuedRecently(manager, userId, purpose);
    const sinceLast = recent.lastAt ? Date.now() - new Date(recent.lastAt).getTime() : Infinity;
    if (sinceLast < LINK_REISSUE_AFTER_MS) return { issued: false, retryAfterMs: LINK_REISSUE_AFTER_MS - sinceLast };
    if (recent.inLastHour >= LINK_MAX_PER_HOUR) return { issued: false, retryAfterMs: 60 * 60_000 };
    const token = newAccountLinkToken();
    await this.tokens.insert(manager, {
      userId,
      purpose,
      tokenHash: hashAccountLinkToken(token),
      expiresAt: new Date(Date.now() + ACCOUNT_LINK_TTL_MS[purpose]),
    });
    await this.outbox.enqueue(manager, ACCOUNT_LINK_TOPICS[purpose], { userId, token });
    return { issued: true };
  }

  /**
   * An account created for someone (a partner-admin): a password link with the invitation's
   * wording, naming what they are invited to. Single-use and expiring as a reset link.
   */
  async invite(manager: EntityManager, userId: string, invitedTo: { partnerName: string }): Promise<void> {
    const token = newAccountLinkToken();
    await this.tokens.insert(manager, {
      userId,
      purpose: 'password_reset',
      tokenHash: hashAccountLinkToken(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await this.outbox.enqueue(manager, INVITATION_TOPIC, { userId, token, partnerName: invitedTo.partnerName });
  }
}
