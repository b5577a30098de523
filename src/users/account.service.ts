import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { AuthThrottle } from '../credentials/auth-throttle.service.js';
import { PasswordService } from '../credentials/password.service.js';
import { RefreshTokensRepository } from '../credentials/refresh-tokens.repository.js';
import { SessionLiveness } from '../credentials/session-liveness.service.js';
import { CommonErrors } from '../common/errors/common.errors.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { toOrganisationDto } from '../organisations/organisation-view.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { PersonalDataExportDto } from './dto/export.dto.js';
import type { UpdateMeDto } from './dto/update-me.dto.js';
import { toMeDto } from './user-view.js';
import { type MeDto } from './dto/user.dto.js';
import type { UserEntity } from './user.entity.js';
import { UsersErrors } from './users.errors.js';
import { UsersRepository, type ProfileChanges } from './users.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { AccountTokensRepository } from '../account-links/account-tokens.repository.js';

/** The caller's own account: read, change, export, erase (GET/PATCH/DELETE /me, GET /me/export). */
@Injectable()
export class AccountService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly auditEvents: AuditRepository,
    private readonly notifications: NotificationsRepository,
    private readonly sessions: SessionLiveness,
    private readonly accountTokens: AccountTokensRepository,
    private readonly throttle: AuthThrottle,
  ) {}

  async me(caller: Caller): Promise<MeDto> {
    return toMeDto(await this.liveUser(caller));
  }

  /** `ip`: where the request came from, for the wrong-password count it shares with sign-in. */
  async update(caller: Caller, dto: UpdateMeDto, ip?: string): Promise<MeDto> {
    const changes: ProfileChanges = {};
    if (dto.displayName !== undefined) changes.displayName = dto.displayName.trim();
    if (dto.phone !== undefined) changes.phone = dto.phone;
    return this.transactions.run(async (manager) => {
      const user = await this.users.lockLiveById(manager, caller.userId);
      if (!user) throw CommonErrors.UNAUTHENTICATED();
      if (dto.newPassword !== undefined) {
        const current = dto.currentPassword ?? '';
        await this.throttle.attempt(
          user.email ?? user.id,
          ip,
          async () => {
            if (!(await this.passwords.verify(user.passwordHash ?? '', current))) throw UsersErrors.WRONG_CURRENT_PASSWORD();
          },
          'WRONG_CURRENT_PASSWORD',
        );
        this.passwords.assertAcceptable(dto.newPassword, user.email, 'newPassword');
        changes.passwordHash = await this.passwords.hash(dto.newPassword);
        // A new password ends every session, a stolen refresh token included.
        this.sessions.forgetUser(user.id);
        await this.refreshTokens.revokeAllOfUser(manager, user.id);
        await this.audit.record(manager, caller, { action: 'user.password_change', entityType: 'user', entityId: user.id });
      }
      return toMeDto(await this.users.updateProfile(manager, user, changes));
    });
  }

  async export(caller: Caller): Promise<PersonalDataExportDto> {
    const user = await this.liveUser(caller);
    const [organisation, sessions, events, mails, muted] = await Promise.all([
      user.organisationId ? this.organisations.findById(user.organisationId) : null,
      this.refreshTokens.findAllOfUser(user.id),
      this.auditEvents.findConcerningUser(user.id),
      this.notifications.mailsOf(user.id),
      this.notifications.mutedKinds(user.id),
    ]);
    return {
      exportedAt: new Date(),
      user: {
        id: user.id,
        email: user.email ?? '',
        role: user.role,
        displayName: user.displayName ?? '',
        phone: user.phone,
        hasPassword: user.passwordHash !== null,
        emailVerifiedAt: user.emailVerifiedAt,
        termsAcceptedAt: user.termsAcceptedAt,
        termsVersion: user.termsVersion,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      membership:
        organisation && user.membershipStatus ? { status: user.membershipStatus, organisation: toOrganisationDto(organisation) } : null,
      sessions: sessions.map((s) => ({
        id: s.id,
        familyId: s.familyId,
        userAgent: s.userAgent,
        createdAt: s.createdAt,
        expiresAt: s.expiresAt,
        rotatedAt: s.rotatedAt,
        revokedAt: s.revokedAt,
      })),
      auditEvents: events.map((e) => ({ ...e })),
      notifications: { muted, mails: mails.map((m) => ({ ...m })) },
    };
  }

  /**
   * RGPD erasure: personal fields emptied, sessions deleted, the row kept with its role and
   * organisation so statistics still count it. The organisation is company data and stays.
   */
  async erase(caller: Caller): Promise<void> {
    await this.transactions.run(async (manager) => {
      const user = await this.users.lockLiveById(manager, caller.userId);
      if (!user) throw CommonErrors.UNAUTHENTICATED();
      if (user.role === 'admin') {
        await this.users.lockAdminBootstrap(manager);
        if ((await this.users.countLiveAdmins(manager)) <= 1) throw UsersErrors.LAST_ADMIN();
      }
      await this.refreshTokens.deleteAllOfUser(manager, user.id);
      await this.accountTokens.deleteAllOfUser(manager, user.id);
      await this.users.anonymise(manager, user.id);
      await this.notifications.eraseFor(manager, user.id);
      await this.audit.record(manager, caller, { action: 'user.erase', entityType: 'user', entityId: user.id });
    });
  }

  private async liveUser(caller: Caller): Promise<UserEntity> {
    const user = await this.users.findLiveById(caller.userId);
    if (!user) throw CommonErrors.UNAUTHENTICATED();
    return user;
  }
}
