import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PasswordService } from './password.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionLiveness } from './session-liveness.service.js';
import { TokensService } from './tokens.service.js';

/**
 * Passwords and tokens, without routes: shared by AuthModule (login, refresh) and UsersModule
 * (password change, erasure, export) without a module cycle.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [PasswordService, TokensService, RefreshTokensRepository, SessionLiveness],
  exports: [PasswordService, TokensService, RefreshTokensRepository, SessionLiveness, JwtModule],
})
export class AuthCoreModule {}
