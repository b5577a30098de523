import { CompanyRegistryModule } from '../company-registry/company-registry.module.js';
import { AccountLinksModule } from '../account-links/account-links.module.js';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { UsersModule } from '../users/users.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { AuthRateLimitGuard } from './rate-limit.guard.js';
import { RolesGuard } from './roles.guard.js';

/** Authentication routes, and the global guards: a JWT on every non-@Public() route, then @Roles(). */
@Module({
  imports: [CredentialsModule, UsersModule, OrganisationsModule, PassportModule, AccountLinksModule, CompanyRegistryModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    AuthRateLimitGuard,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  // The web console signs people in with the same service, strategy and rate limit.
  exports: [AuthService, JwtStrategy, AuthRateLimitGuard, CredentialsModule],
})
export class AuthModule {}
