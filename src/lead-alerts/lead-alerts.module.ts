import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { MatchesModule } from '../matches/matches.module.js';
import { NeedsModule } from '../needs/needs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { configToken, type ConfigSlices } from '../config/config-slices.js';
import { LEAD_ALERT_SETTINGS, LeadAnnouncer } from './lead-announcer.service.js';
import { LeadAlertsController, NeedLeadsController } from './lead-alerts.controller.js';
import { LeadAlertsHandler } from './lead-alerts.handler.js';
import { LeadAlertsRepository } from './lead-alerts.repository.js';
import { LeadDigestJob } from './lead-digest.job.js';
import { LeadInboxService } from './lead-inbox.service.js';
import { LeadMailer } from './lead-mailer.js';
import { LeadStatsController } from './lead-stats.controller.js';
import { LeadStatsRepository } from './lead-stats.repository.js';
import { LeadStatsService } from './lead-stats.service.js';
import { UnsubscribeService } from './unsubscribe.service.js';

/** Lead alerts (issue 18, decision 027): who hears of which need, the e-mails, the answers. */
@Module({
  imports: [OutboxModule, MatchesModule, NeedsModule, NotificationsModule, CredentialsModule],
  controllers: [LeadAlertsController, NeedLeadsController, LeadStatsController],
  providers: [
    LeadAlertsRepository,
    LeadAnnouncer,
    LeadMailer,
    LeadAlertsHandler,
    LeadDigestJob,
    LeadInboxService,
    UnsubscribeService,
    LeadStatsRepository,
    LeadStatsService,
    {
      provide: LEAD_ALERT_SETTINGS,
      inject: [configToken('leadAlerts')],
      useFactory: (c: ConfigSlices['leadAlerts']) => ({ topN: c.topN }),
    },
  ],
  exports: [LeadInboxService, UnsubscribeService, LeadDigestJob, LeadStatsService],
})
export class LeadAlertsModule {}
