import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { CommonErrors } from '../common/errors/common.errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { UsersRepository } from '../users/users.repository.js';
import { toAuthenticatedUser } from './auth.service.js';
import type { AuthenticatedUser } from '../identity/caller.js';
import type { AccessTokenClaims } from '../credentials/tokens.service.js';

/**
 * Verifies the bearer token, then reads the user: role, membership and erasure take effect at
 * once instead of when the token expires (one indexed lookup per request; the app stays stateless).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    const user = typeof claims.sub === 'string' && /^[0-9a-f-]{36}$/i.test(claims.sub) ? await this.users.findLiveById(claims.sub) : null;
    if (!user) throw CommonErrors.UNAUTHENTICATED('This account no longer exists.');
    return toAuthenticatedUser(user);
  }
}
