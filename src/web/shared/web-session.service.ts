import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../../auth/auth.service.js';
import type { AuthenticatedUser } from '../../identity/caller.js';
import type { TokensDto } from '../../auth/dto/auth.dto.js';
import { JwtStrategy } from '../../auth/jwt.strategy.js';
import type { AccessTokenClaims } from '../../credentials/tokens.service.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { InjectConfig, type ConfigSlices } from '../../config/config-slices.js';
import { JWT_SIGNING_SECRET } from '../../credentials/jwt-secret.js';

export const WEB_PREFIX = '/app';
export const ACCESS_COOKIE = 'cia_session';
export const REFRESH_COOKIE = 'cia_refresh';
export const CSRF_COOKIE = 'cia_csrf';

/** How long a rotated refresh token's result is reused for the same browser's concurrent requests. */
const REFRESH_REUSE_MS = 30_000;
const MAX_RECENT_REFRESHES = 10_000;

/**
 * The web console's session: the API's own access and refresh tokens, kept in httpOnly SameSite
 * cookies scoped to /app (the JSON API never reads them, so it stays bearer-only and CSRF-free).
 * An expired access token is refreshed transparently with the same rotation rules as POST /auth/refresh.
 */
@Injectable()
export class WebSessionService {
  private readonly recentRefreshes = new Map<string, { at: number; client: string; result: Promise<TokensDto | null> }>();

  constructor(
    @InjectConfig('publicUrl') private readonly publicUrl: ConfigSlices['publicUrl'],
    // The CSRF key is the signing secret actually in use: never the published development value.
    @Inject(JWT_SIGNING_SECRET) private readonly signingSecret: string,
    private readonly jwt: JwtService,
    private readonly strategy: JwtStrategy,
    private readonly auth: AuthService,
  ) {}

  /** Options every console cookie shares: httpOnly, SameSite=Lax, /app only, Secure over https. */
  get cookieBase() {
    return { path: WEB_PREFIX, httpOnly: true, sameSite: 'lax' as const, secure: this.publicUrl.appPublicUrl.startsWith('https://') };
  }

  get csrfKey(): string {
    return this.signingSecret;
  }

  /** The signed-in user of this request, or null; refreshes and re-sets the cookies when needed. */
  async resolve(request: FastifyRequest, reply: FastifyReply): Promise<AuthenticatedUser | null> {
    const access = request.cookies[ACCESS_COOKIE];
    if (access) {
      const user = await this.fromAccessToken(access);
      if (user) return user;
    }
    const refresh = request.cookies[REFRESH_COOKIE];
    if (!refresh) {
      if (access) this.clear(reply);
      return null;
    }
    const tokens = await this.refreshOnce(refresh, request.headers['user-agent'], request.ip);
    if (!tokens) {
      this.clear(reply);
      return null;
    }
    this.store(reply, tokens);
    return this.fromAccessToken(tokens.accessToken);
  }

  /** Sets the session cookies after a login or a registration. */
  store(reply: FastifyReply, tokens: Pick<TokensDto, 'accessToken' | 'expiresIn' | 'refreshToken' | 'refreshTokenExpiresAt'>): void {
    const base = this.cookieBase;
    void reply.setCookie(ACCESS_COOKIE, tokens.accessToken, { ...base, maxAge: tokens.expiresIn });
    const refreshSeconds = Math.max(0, Math.floor((new Date(tokens.refreshTokenExpiresAt).getTime() - Date.now()) / 1000));
    void reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, { ...base, maxAge: refreshSeconds });
  }

  /** Revokes the session's refresh token family and clears the cookies. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const refresh = request.cookies[REFRESH_COOKIE];
    if (refresh) await this.auth.logout(refresh);
    this.clear(reply);
  }

  clear(reply: FastifyReply): void {
    const base = this.cookieBase;
    void reply.clearCookie(ACCESS_COOKIE, base);
    void reply.clearCookie(REFRESH_COOKIE, base);
  }

  private async fromAccessToken(token: string): Promise<AuthenticatedUser | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return null; // expired or forged: the refresh token decides
    }
    try {
      // The same check as the API's bearer tokens: a deleted or erased account is out at once.
      return await this.strategy.validate(claims);
    } catch (error) {
      if (error instanceof DomainError && error.status === 401) return null;
      throw error;
    }
  }

  /**
   * A browser fires several requests at once (a page and its htmx fragments): the first rotates the
   * refresh token and the others reuse its result, instead of presenting the rotated token again,
   * which the rotation rules would treat as a replay and answer by revoking the whole session.
   * Only the same browser (address and user agent) reuses it: anyone else presenting the rotated
   * token is a replay, as at POST /auth/refresh, and revokes the session (a copied cookie used
   * within the 30 s got a session of its own: an outside review).
   */
  private async refreshOnce(refreshToken: string, userAgent: string | undefined, ip: string): Promise<TokensDto | null> {
    const now = Date.now();
    const client = createHash('sha256')
      .update(`${ip}\u0000${userAgent ?? ''}`)
      .digest('base64url');
    const recent = this.recentRefreshes.get(refreshToken);
    if (recent && now - recent.at < REFRESH_REUSE_MS) {
      if (recent.client === client) return recent.result;
      await this.auth.refresh(refreshToken, userAgent).catch(() => undefined); // a replay: the session is revoked
      return null;
    }
    if (this.recentRefreshes.size >= MAX_RECENT_REFRESHES) {
      for (const [key, value] of this.recentRefreshes) if (now - value.at >= REFRESH_REUSE_MS) this.recentRefreshes.delete(key);
      if (this.recentRefreshes.size >= MAX_RECENT_REFRESHES) this.recentRefreshes.clear();
    }
    const result = this.auth.refresh(refreshToken, userAgent).catch((error: unknown) => {
      if (error instanceof DomainError && error.status === 401) return null;
      this.recentRefreshes.delete(refreshToken); // an outage is not remembered
      throw error;
    });
    this.recentRefreshes.set(refreshToken, { at: now, client, result });
    return result;
  }
}
