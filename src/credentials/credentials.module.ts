import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthThrottle } from './auth-throttle.service.js';
import { JWT_SIGNING_SECRET, resolveJwtSecret } from './jwt-secret.js';
import { PasswordService } from './password.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionLiveness } from './session-liveness.service.js';
import { TokensService } from './tokens.service.js';

const jwtSecretProvider = {
  provide: JWT_SIGNING_SECRET,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => resolveJwtSecret(config),
};

/**
 * Passwords, tokens and the sign-in throttle, without routes: shared by AuthModule (login,
 * refresh) and UsersModule (password change, erasure, export) without a module cycle.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      extraProviders: [jwtSecretProvider],
      inject: [JWT_SIGNING_SECRET],
      useFactory: (secret: string) => ({
        secret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [PasswordService, TokensService, RefreshTokensRepository, SessionLiveness, AuthThrottle, jwtSecretProvider],
  exports: [PasswordService, TokensService, RefreshTokensRepository, SessionLiveness, AuthThrottle, JwtModule, JWT_SIGNING_SECRET],
})
export class CredentialsModule {}
