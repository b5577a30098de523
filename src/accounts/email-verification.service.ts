import { Injectable } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AuthErrors } from '../credentials/auth.errors.js';
import type { Caller } from '../identity/caller.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { UsersRepository } from '../users/users.repository.js';
import { AccountLinkIssuer } from '../account-links/account-link-issuer.js';
import { hashAccountLinkToken } from '../account-links/account-links.js';
import { AccountTokensRepository } from '../account-links/account-tokens.repository.js';

/** Confirming the address of a new account, and sending the link again. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly links: AccountLinkIssuer,
  ) {}

  async verify(token: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const link = await this.tokens.lockUsable(manager, hashAccountLinkToken(token), 'email_verification');
      if (!link) throw AuthErrors.ACCOUNT_LINK_INVALID();
      await this.tokens.useAll(manager, link.userId, 'email_verification');
      await this.users.markEmailVerified(manager, link.userId);
    });
  }

  /** A new link; 409 when the address is already confirmed, 429 (with Retry-After) within a minute of the last. */
  async resend(caller: Caller): Promise<void> {
    const outcome = await this.transactions.run(async (manager) => {
      const user = await this.users.lockLiveById(manager, caller.userId);
      if (!user) throw CommonErrors.UNAUTHENTICATED();
      if (user.emailVerifiedAt) throw AuthErrors.EMAIL_ALREADY_VERIFIED();
      return this.links.issue(manager, user.id, 'email_verification');
    });
    if (!outcome.issued) throw retryLater(outcome.retryAfterMs);
  }
}

/** The exception filter sends `retryAfterSeconds` as Retry-After. */
const retryLater = (ms: number): DomainError =>
  Object.assign(CommonErrors.RATE_LIMITED('A link was sent less than a minute ago; check your mailbox or try again later.'), {
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  });
