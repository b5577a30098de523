import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { AccountLinkIssuer } from './account-link-issuer.js';
import { AccountTokensRepository } from './account-tokens.repository.js';
import { VerifiedEmailGate } from './verified-email.gate.js';

/**
 * Issuing account links and the verified-address gate, with no dependency on users or auth: sign-up
 * (AuthModule), offerings and needs import it without a module cycle.
 */
@Module({
  imports: [OutboxModule],
  providers: [AccountTokensRepository, AccountLinkIssuer, VerifiedEmailGate],
  exports: [AccountTokensRepository, AccountLinkIssuer, VerifiedEmailGate],
})
export class AccountLinksModule {}
