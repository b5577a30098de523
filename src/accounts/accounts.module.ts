import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountLinksModule } from '../account-links/account-links.module.js';
import { AccountMailHandler } from './account-mail.handler.js';
import { AccountsController } from './accounts.controller.js';
import { EmailVerificationService } from './email-verification.service.js';
import { PasswordResetService } from './password-reset.service.js';

/** Password reset and e-mail verification: routes, services and the e-mails (issue 23). */
@Module({
  imports: [AccountLinksModule, AuthModule, CredentialsModule, UsersModule, NotificationsModule, OutboxModule, AuditModule],
  controllers: [AccountsController],
  providers: [PasswordResetService, EmailVerificationService, AccountMailHandler],
  exports: [PasswordResetService, EmailVerificationService],
})
export class AccountsModule {}
