import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JWT_SIGNING_SECRET } from '../credentials/jwt-secret.js';
import { NotificationsRepository } from '../notifications/notifications.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { OUTCOME_SURVEY_DUE } from './outcome-survey.job.js';
import { OutcomeSurveysRepository } from './outcome-surveys.repository.js';
import { surveyPath, surveyToken } from './survey-token.js';

/** E-mails the survey link to the buyer organisation's active members; the mail log keeps it to one e-mail per member. */
@Injectable()
export class OutcomeSurveyHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'outcome-surveys';

  constructor(
    private readonly worker: OutboxWorker,
    private readonly surveys: OutcomeSurveysRepository,
    private readonly recipients: NotificationsRepository,
    private readonly notifications: NotificationsService,
    @Inject(JWT_SIGNING_SECRET) private readonly secret: string,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic === OUTCOME_SURVEY_DUE;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const id = event.payload.introductionId;
      const target = typeof id === 'string' ? await this.surveys.findTarget(id) : null;
      if (!target || target.answered) continue;
      await this.notifications.notify({
        kind: 'outcome_survey',
        eventKey: event.id,
        recipientIds: await this.recipients.activeMemberIds(target.buyerOrganisationId),
        data: {
          title: target.needTitle,
          message: `Solution retenue : ${target.offeringTitle}`,
          path: surveyPath(surveyToken(this.secret, target.introductionId)),
        },
      });
    }
  }
}
