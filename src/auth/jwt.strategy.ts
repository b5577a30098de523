import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { CommonErrors } from '../common/errors/common.errors.js';
import { JWT_SIGNING_SECRET } from '../credentials/jwt-secret.js';
import { UsersRepository } from '../users/users.repository.js';
import { toAuthenticatedUser } from './auth.service.js';
import type { AuthenticatedUser } from '../identity/caller.js';
import { SessionLiveness } from '../credentials/session-liveness.service.js';
import type { AccessTokenClaims } from '../credentials/tokens.service.js';

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value);

/**
 * Verifies the bearer token, then reads the user and checks its session: role, membership, erasure
 * and logout take effect at once instead of when the token expires (one indexed lookup per request,
 * plus a cached one for the session).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SIGNING_SECRET) secret: string,
    private readonly users: UsersRepository,
    private readonly sessions: SessionLiveness,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    if (!isUuid(claims.sub) || !isUuid(claims.sid)) throw CommonErrors.UNAUTHENTICATED('This token carries no valid session.');
    const [user, live] = await Promise.all([this.users.findLiveById(claims.sub), this.sessions.isLive(claims.sid, claims.sub)]);
    if (!user) throw CommonErrors.UNAUTHENTICATED('This account no longer exists.');
    if (!live) throw CommonErrors.UNAUTHENTICATED('This session has ended; sign in again.');
    return toAuthenticatedUser(user);
  }
}
