import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import type { Role } from '../identity/roles.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

/**
 * Claims of an access token. Membership and deletion are re-read per request, not trusted from here;
 * `sid` is the session (refresh-token family), so a revoked session's access tokens stop working.
 */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  sid: string;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    @InjectConfig('auth') private readonly config: ConfigSlices['auth'],
  ) {}

  /** Access token plus a refresh token of `familyId` (a new family at login). */
  async issue(
    manager: EntityManager,
    user: { id: string; role: Role },
    options: { familyId?: string; userAgent?: string | null } = {},
  ): Promise<IssuedTokens> {
    const familyId = options.familyId ?? randomUUID();
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.refreshTtlDays * 86_400_000);
    await this.refreshTokens.insert(manager, {
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      userAgent: options.userAgent?.slice(0, 200) ?? null,
      expiresAt: refreshTokenExpiresAt,
    });
    return { accessToken, accessTokenExpiresIn: this.config.accessTtlSeconds, refreshToken, refreshTokenExpiresAt };
  }
}
