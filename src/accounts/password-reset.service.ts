import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AuthErrors } from '../credentials/auth.errors.js';
import { PasswordService } from '../credentials/password.service.js';
import { RefreshTokensRepository } from '../credentials/refresh-tokens.repository.js';
import { SessionLiveness } from '../credentials/session-liveness.service.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { normaliseEmail } from '../users/email.js';
import { UsersRepository } from '../users/users.repository.js';
import { AccountLinkIssuer } from '../account-links/account-link-issuer.js';
import { hashAccountLinkToken } from '../account-links/account-links.js';
import { AccountTokensRepository } from '../account-links/account-tokens.repository.js';

/** How long a reset request takes to answer, account or not: far above the time either takes here. */
const RESET_REQUEST_MS = 150;

export const FORGOT_PASSWORD_ANSWER = 'If an account uses this address, an e-mail with a link has been sent to it.';

/** Forgotten passwords: a single-use link by e-mail, then a new password that ends every session. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly links: AccountLinkIssuer,
    private readonly passwords: PasswordService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly sessions: SessionLiveness,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sends a link when the address has an account, silently not otherwise, and not more than once a
   * minute: the caller always gets the same answer, so the route tells nobody who has an account.
   */
  async request(email: string): Promise<void> {
    // Nor does its duration: issuing a link (a transaction, two writes) took ~5 ms more than
    // finding no account, measurable from outside (an outside review: 19 against 14 ms on average).
    // Both answers wait until the same moment, well after either is done.
    const answerAt = Date.now() + RESET_REQUEST_MS;
    try {
      const user = await this.users.findLiveByEmail(normaliseEmail(email));
      if (user) await this.transactions.run((manager) => this.links.issue(manager, user.id, 'password_reset'));
    } finally {
      const wait = answerAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Sets the new password, uses up every reset link of the account and revokes all its sessions. */
  async reset(token: string, password: string, requestId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const link = await this.tokens.lockUsable(manager, hashAccountLinkToken(token), 'password_reset');
      const user = link && (await this.users.lockLiveById(manager, link.userId));
      if (!link || !user) throw AuthErrors.ACCOUNT_LINK_INVALID();
      // Checked before the link is used up: a refused password lets the person try again.
      this.passwords.assertAcceptable(password, user.email);
      await this.users.updateProfile(manager, user, { passwordHash: await this.passwords.hash(password) });
      await this.tokens.useAll(manager, user.id, 'password_reset');
      // The link reached the mailbox: that proves the address as well as a verification link would.
      await this.users.markEmailVerified(manager, user.id);
      this.sessions.forgetUser(user.id);
      await this.refreshTokens.revokeAllOfUser(manager, user.id);
      await this.audit.record(
        manager,
        { userId: user.id, role: user.role, requestId },
        { action: 'user.password_reset', entityType: 'user', entityId: user.id },
      );
    });
  }
}
