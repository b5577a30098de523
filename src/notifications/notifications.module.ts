import { Logger, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { LogMailTransport, MAIL_TRANSPORT, SmtpMailTransport, type MailTransport } from './mail-transport.js';
import { NeedNotificationsHandler } from './need-notifications.handler.js';
import { NotificationSettingsController } from './notification-settings.controller.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [OutboxModule, NeedsModule],
  controllers: [NotificationSettingsController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationSettingsService,
    NeedNotificationsHandler,
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport => {
        if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM);
        const logger = new Logger('Mail');
        return new LogMailTransport((line) => logger.log(line));
      },
    },
  ],
  exports: [NotificationsService, NotificationsRepository],
})
export class NotificationsModule {}
