import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { OutcomeSurveyHandler } from './outcome-survey.handler.js';
import { OutcomeSurveyJob } from './outcome-survey.job.js';
import { OutcomeSurveysRepository } from './outcome-surveys.repository.js';
import { OutcomeSurveysService } from './outcome-surveys.service.js';

/** The three-month survey after a won deal (issue 24, decision 033). */
@Module({
  imports: [OutboxModule, NotificationsModule, CredentialsModule],
  providers: [OutcomeSurveysRepository, OutcomeSurveysService, OutcomeSurveyJob, OutcomeSurveyHandler],
  exports: [OutcomeSurveysService, OutcomeSurveyJob],
})
export class OutcomeSurveysModule {}
