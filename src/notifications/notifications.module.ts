import { OrganisationsModule } from '../organisations/organisations.module.js';
import { VendorVerificationNotificationsHandler } from './vendor-verification-notifications.handler.js';
import { Logger, Module } from '@nestjs/common';
import { configToken, type ConfigSlices } from '../config/config-slices.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { AccountMailer } from './account-mail.js';
import { LogMailTransport, MAIL_TRANSPORT, SmtpMailTransport, type MailTransport } from './mail-transport.js';
import { NeedNotificationsHandler } from './need-notifications.handler.js';
import { NotificationSettingsController } from './notification-settings.controller.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [OutboxModule, NeedsModule, OrganisationsModule],
  controllers: [NotificationSettingsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationSettingsService,
    NeedNotificationsHandler,
    VendorVerificationNotificationsHandler,
    AccountMailer,
    {
      provide: MAIL_TRANSPORT,
      inject: [configToken('mail')],
      useFactory: (mail: ConfigSlices['mail']): MailTransport => {
        if (mail.smtpUrl) return new SmtpMailTransport(mail.smtpUrl, mail.from);
        const logger = new Logger('Mail');
        return new LogMailTransport((line) => logger.log(line));
      },
    },
  ],
  exports: [NotificationsService, NotificationsRepository, NotificationSettingsService, MAIL_TRANSPORT, AccountMailer],
})
export class NotificationsModule {}
