import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { FieldError } from '../common/errors/validation.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { repeatedSirets } from '../organisations/establishments.js';
import { toMeDto } from '../users/user-view.js';
import { isUniqueViolation, normaliseEmail } from '../users/email.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthErrors } from '../credentials/auth.errors.js';
import type { AuthenticatedUser } from '../identity/caller.js';
import type { AuthResponseDto, RegisterDto, TokensDto } from './dto/auth.dto.js';
import { PasswordService } from '../credentials/password.service.js';
import { RefreshTokensRepository } from '../credentials/refresh-tokens.repository.js';
import { SessionLiveness } from '../credentials/session-liveness.service.js';
import { AuthThrottle } from '../credentials/auth-throttle.service.js';
import { hashRefreshToken, TokensService, type IssuedTokens } from '../credentials/tokens.service.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { AccountLinkIssuer } from '../account-links/account-link-issuer.js';
import { TERMS_VERSION } from '../account-links/terms.js';
import { CompanyRegistry, registryCheckOf } from '../company-registry/company-registry.port.js';

const toTokensDto = (t: IssuedTokens): TokensDto => ({
  accessToken: t.accessToken,
  tokenType: 'Bearer',
  expiresIn: t.accessTokenExpiresIn,
  refreshToken: t.refreshToken,
  refreshTokenExpiresAt: t.refreshTokenExpiresAt,
});

export const toAuthenticatedUser = (u: UserEntity): AuthenticatedUser => ({
  userId: u.id,
  role: u.role,
  organisationId: u.organisationId,
  membershipStatus: u.membershipStatus,
  emailVerified: u.emailVerifiedAt !== null,
});

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly sessions: SessionLiveness,
    private readonly throttle: AuthThrottle,
    private readonly links: AccountLinkIssuer,
    private readonly registry: CompanyRegistry,
  ) {}

  /**
   * A vendor or buyer and their organisation; joining an existing SIREN makes a pending member. The
   * consent is recorded with the terms version in force, and a confirmation link is e-mailed.
   */
  async register(dto: RegisterDto, userAgent?: string): Promise<AuthResponseDto> {
    const email = normaliseEmail(dto.email);
    this.passwords.assertAcceptable(dto.password, email);
    checkOrganisation(dto);
    const o = dto.organisation;
    // Asked before the transaction: a slow registry must not hold a connection; down, it stores nothing.
    const [passwordHash, lookup] = await Promise.all([this.passwords.hash(dto.password), this.registry.lookup(o.siren)]);
    try {
      return await this.transactions.run(async (manager) => {
        if (await this.users.emailExists(email, manager)) throw AuthErrors.EMAIL_TAKEN();
        const created = await this.organisations.insertIfAbsent(manager, {
          kind: dto.role,
          buyerType: dto.role === 'buyer' ? (o.buyerType ?? null) : null,
          name: o.name.trim(),
          siren: o.siren,
          siret: o.siret ?? null,
          nafCode: o.nafCode,
          nafVersion: o.nafVersion ?? 'NAFRev2',
          communeCode: o.communeCode,
          establishments: (o.establishments ?? []).map((e) => ({ siret: e.siret, communeCode: e.communeCode })),
          headcountBand: o.headcountBand ?? null,
          website: o.website ?? null,
          registryCheck: registryCheckOf(lookup, new Date()),
        });
        const organisation = created ?? (await this.organisations.findByKindAndSiren(manager, dto.role, o.siren));
        if (!organisation) throw CommonErrors.CONFLICT('The organisation changed during registration; try again.');
        const user = await this.users.create(manager, {
          email,
          passwordHash,
          role: dto.role,
          displayName: dto.displayName.trim(),
          phone: dto.phone ?? null,
          organisationId: organisation.id,
          membershipStatus: created ? 'active' : 'pending',
          termsVersion: TERMS_VERSION,
        });
        await this.links.issue(manager, user.id, 'email_verification');
        return this.session(manager, user, userAgent);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) throw AuthErrors.EMAIL_TAKEN();
      throw error;
    }
  }

  /**
   * The one credentials check, used by the local strategy. Unknown e-mails cost a dummy argon2
   * verification and get the same error as a wrong password: neither answer nor timing tells.
   */
  async validateCredentials(email: string, password: string, ip?: string): Promise<AuthenticatedUser> {
    const normalised = normaliseEmail(email);
    return this.throttle.attempt(normalised, ip, () => this.checkPassword(normalised, password));
  }

  private async checkPassword(email: string, password: string): Promise<AuthenticatedUser> {
    const user = await this.users.findLiveByEmail(email);
    if (!user?.passwordHash) {
      await this.passwords.burn(password);
      throw AuthErrors.INVALID_CREDENTIALS();
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) throw AuthErrors.INVALID_CREDENTIALS();
    return toAuthenticatedUser(user);
  }

  async login(authenticated: AuthenticatedUser, userAgent?: string): Promise<AuthResponseDto> {
    return this.transactions.run(async (manager) => {
      const user = await this.users.findLiveById(authenticated.userId, manager);
      if (!user) throw AuthErrors.INVALID_CREDENTIALS();
      return this.session(manager, user, userAgent);
    });
  }

  /**
   * Rotates a refresh token. A token presented after it was rotated or revoked means it leaked (or
   * a client replayed it): the whole family is revoked, the legitimate holder's newest token too.
   */
  async refresh(refreshToken: string, userAgent?: string): Promise<TokensDto> {
    const outcome = await this.transactions.run(async (manager): Promise<IssuedTokens | 'refused'> => {
      const token = await this.refreshTokens.lockByHash(manager, hashRefreshToken(refreshToken));
      if (!token) return 'refused';
      if (token.rotatedAt || token.revokedAt) {
        await this.revokeSession(manager, token.familyId);
        return 'refused';
      }
      if (token.expiresAt.getTime() <= Date.now()) return 'refused';
      const user = await this.users.findLiveById(token.userId, manager);
      if (!user) {
        await this.revokeSession(manager, token.familyId);
        return 'refused';
      }
      await this.refreshTokens.markRotated(manager, token.id);
      return this.tokens.issue(manager, user, { familyId: token.familyId, userAgent });
    });
    // Thrown after the commit, so the family's revocation is kept.
    if (outcome === 'refused') throw AuthErrors.INVALID_REFRESH_TOKEN();
    return toTokensDto(outcome);
  }

  /** Ends the session the refresh token belongs to (its whole family). Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const token = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (token) await this.revokeSession(undefined, token.familyId);
  }

  private async revokeSession(manager: EntityManager | undefined, familyId: string): Promise<void> {
    this.sessions.forgetFamily(familyId);
    await this.refreshTokens.revokeFamily(manager, familyId);
    this.sessions.forgetFamily(familyId);
  }

  private async session(manager: EntityManager, user: UserEntity, userAgent?: string): Promise<AuthResponseDto> {
    const issued = await this.tokens.issue(manager, user, { userAgent });
    return { ...toTokensDto(issued), user: toMeDto(user) };
  }
}

/** Organisation rules that depend on the role or span fields. */
function checkOrganisation(dto: RegisterDto): void {
  const o = dto.organisation;
  const problems: FieldError[] = [];
  if (dto.role === 'buyer' && !o.buyerType)
    problems.push({ field: 'organisation.buyerType', messages: ['buyerType is required for buyers'] });
  if (dto.role === 'vendor' && o.buyerType)
    problems.push({ field: 'organisation.buyerType', messages: ['buyerType applies to buyers only'] });
  if (o.siret && !o.siret.startsWith(o.siren))
    problems.push({ field: 'organisation.siret', messages: ['siret must start with the siren'] });
  (o.establishments ?? []).forEach((e, i) => {
    if (!e.siret.startsWith(o.siren)) {
      problems.push({ field: `organisation.establishments[${i}].siret`, messages: ['siret must start with the siren'] });
    }
  });
  for (const i of repeatedSirets(o.establishments ?? []))
    problems.push({ field: `organisation.establishments[${i}].siret`, messages: ['siret is listed twice'] });
  if (problems.length > 0) throw CommonErrors.VALIDATION_FAILED(undefined, problems);
}
