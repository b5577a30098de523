import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { OfferingsModule } from '../offerings/offerings.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { IntroductionNotificationsHandler } from './introduction-notifications.handler.js';
import { IntroductionRemindersJob } from './introduction-reminders.job.js';
import { IntroductionTransitionsService } from './introduction-transitions.service.js';
import { IntroductionsController } from './introductions.controller.js';
import { IntroductionsRepository } from './introductions.repository.js';
import { IntroductionsService } from './introductions.service.js';

@Module({
  imports: [AuditModule, OutboxModule, NeedsModule, OfferingsModule, OrganisationsModule, NotificationsModule, MatchesModule],
  controllers: [IntroductionsController],
  providers: [
    IntroductionsRepository,
    IntroductionsService,
    IntroductionTransitionsService,
    IntroductionNotificationsHandler,
    IntroductionRemindersJob,
  ],
  exports: [IntroductionsRepository, IntroductionsService, IntroductionTransitionsService],
})
export class IntroductionsModule {}
