import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountMailer } from '../notifications/account-mail.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import {
  ACCOUNT_LINK_PATHS,
  ACCOUNT_LINK_TOPICS,
  hashAccountLinkToken,
  INVITATION_TOPIC,
  type AccountLinkPurpose,
} from '../account-links/account-links.js';
import { AccountTokensRepository } from '../account-links/account-tokens.repository.js';

const PURPOSE_OF_TOPIC = new Map(Object.entries(ACCOUNT_LINK_TOPICS).map(([purpose, topic]) => [topic, purpose as AccountLinkPurpose]));

/** Sends the e-mail of each account link once its transaction committed (outbox, at least once). */
@Injectable()
export class AccountMailHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'account-mail';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly tokens: AccountTokensRepository,
    private readonly mailer: AccountMailer,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return PURPOSE_OF_TOPIC.has(topic) || topic === INVITATION_TOPIC;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      if (event.topic === INVITATION_TOPIC) {
        await this.deliverInvitation(event);
        continue;
      }
      const purpose = PURPOSE_OF_TOPIC.get(event.topic);
      const { userId, token } = event.payload;
      if (!purpose || typeof userId !== 'string' || typeof token !== 'string') continue;
      // A link already used (or expired) is not worth an e-mail: nothing to click any more.
      if (!(await this.tokens.isUsable(hashAccountLinkToken(token)))) continue;
      if (purpose === 'email_verification' && (await this.tokens.isEmailVerified(userId))) continue;
      const path = `${ACCOUNT_LINK_PATHS[purpose]}?jeton=${encodeURIComponent(token)}`;
      await this.mailer.send({ kind: purpose, eventKey: event.id, userId, path });
    }
  }

  /** An invitation: a password link under the invitation's own wording (decision 029). */
  private async deliverInvitation(event: OutboxEvent): Promise<void> {
    const { userId, token, partnerName } = event.payload;
    if (typeof userId !== 'string' || typeof token !== 'string') return;
    if (!(await this.tokens.isUsable(hashAccountLinkToken(token)))) return;
    const path = `${ACCOUNT_LINK_PATHS.password_reset}?jeton=${encodeURIComponent(token)}`;
    await this.mailer.send({
      kind: 'partner_invitation',
      eventKey: event.id,
      userId,
      path,
      partnerName: typeof partnerName === 'string' ? partnerName : undefined,
    });
  }
}
