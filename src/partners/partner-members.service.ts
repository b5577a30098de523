import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccountLinkIssuer } from '../account-links/account-link-issuer.js';
import { AccountTokensRepository } from '../account-links/account-tokens.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthErrors } from '../credentials/auth.errors.js';
import { PasswordService } from '../credentials/password.service.js';
import { RefreshTokensRepository } from '../credentials/refresh-tokens.repository.js';
import { SessionLiveness } from '../credentials/session-liveness.service.js';
import type { Caller } from '../identity/caller.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { isUniqueViolation, normaliseEmail } from '../users/email.js';
import { UsersRepository } from '../users/users.repository.js';
import type { InvitePartnerMemberDto, PartnerMemberDto } from './dto/partner-member.dto.js';
import { PartnersErrors } from './partners.errors.js';
import { PartnerMembersRepository } from './partner-members.repository.js';
import { PartnersRepository } from './partners.repository.js';

/**
 * Partner-admins (decision 029): an admin invites a person of the partner by e-mail. The account
 * gets a random password nobody knows and a password link by e-mail: the person chooses their
 * password through the usual reset page, which also proves the address.
 */
@Injectable()
export class PartnerMembersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly partners: PartnersRepository,
    private readonly members: PartnerMembersRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly links: AccountLinkIssuer,
    private readonly audit: AuditService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accountTokens: AccountTokensRepository,
    private readonly sessions: SessionLiveness,
  ) {}

  async invite(caller: Caller, partnerId: string, dto: InvitePartnerMemberDto): Promise<PartnerMemberDto> {
    const email = normaliseEmail(dto.email);
    const passwordHash = await this.passwords.hash(randomBytes(32).toString('base64url'));
    try {
      return await this.transactions.run(async (manager) => {
        const partner = await this.partners.findPartner(partnerId, manager);
        if (!partner) throw PartnersErrors.PARTNER_NOT_FOUND();
        if (await this.users.emailExists(email, manager)) throw AuthErrors.EMAIL_TAKEN();
        const user = await this.users.create(manager, { email, passwordHash, role: 'partner', displayName: dto.displayName.trim() });
        await this.members.insertMember(manager, { userId: user.id, partnerId, invitedBy: caller.userId });
        await this.links.invite(manager, user.id, { partnerName: partner.name });
        // No e-mail or name in the log: it must survive the user's erasure without personal data.
        await this.audit.record(manager, caller, {
          action: 'partner_member.invite',
          entityType: 'user',
          entityId: user.id,
          after: { role: 'partner', partnerId },
        });
        return { userId: user.id, email, displayName: dto.displayName.trim(), createdAt: user.createdAt };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) throw AuthErrors.EMAIL_TAKEN();
      throw error;
    }
  }

  async list(partnerId: string): Promise<PartnerMemberDto[]> {
    if (!(await this.partners.findPartner(partnerId))) throw PartnersErrors.PARTNER_NOT_FOUND();
    return this.members.listMembers(partnerId);
  }

  /**
   * Removes a partner-admin: their account exists only for the partner, so it is erased as a
   * person's own erasure does (personal fields emptied, sessions and links deleted), at once.
   */
  async remove(caller: Caller, partnerId: string, userId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (!(await this.members.lockMember(manager, partnerId, userId))) throw PartnersErrors.PARTNER_MEMBER_NOT_FOUND();
      await this.refreshTokens.deleteAllOfUser(manager, userId);
      await this.accountTokens.deleteAllOfUser(manager, userId);
      await this.users.anonymise(manager, userId);
      await this.audit.record(manager, caller, {
        action: 'partner_member.remove',
        entityType: 'user',
        entityId: userId,
        after: { partnerId },
      });
    });
    this.sessions.forgetUser(userId);
  }
}
