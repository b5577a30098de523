import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { OutcomeSurveysRepository } from './outcome-surveys.repository.js';
import { SURVEY_DELAY_MONTHS, SURVEY_WINDOW_DAYS } from './survey-answer.js';

export const OUTCOME_SURVEY_DUE = 'introduction.survey_due';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const BATCH = 200;
const DAY_MS = 24 * 3600 * 1000;

/** `date` moved back by whole calendar months (31 May − 3 months = 28 or 29 February, as PostgreSQL counts). */
export function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * Three months after a won deal, asks the buyer whether the solution holds (issue 24, decision
 * 033). Each introduction is claimed (`survey_sent_at`) in the transaction that enqueues its
 * e-mail, with SKIP LOCKED: several instances never send a survey twice. Runs with the reminders
 * (REMINDERS_ENABLED), the other follow-up e-mails of an introduction.
 */
@Injectable()
export class OutcomeSurveyJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutcomeSurveyJob.name);
  private readonly schedule = new PeriodicTask('Outcome surveys', CHECK_EVERY_MS, () => this.runOnce(), this.logger);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly surveys: OutcomeSurveysRepository,
    private readonly outbox: OutboxRepository,
    @InjectConfig('reminders') private readonly config: ConfigSlices['reminders'],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Claims and enqueues every survey due at `now`; returns how many. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const to = monthsBefore(now, SURVEY_DELAY_MONTHS);
    const from = new Date(to.getTime() - SURVEY_WINDOW_DAYS * DAY_MS);
    const total = await this.transactions.inBatches(BATCH, async (manager) => {
      const ids = await this.surveys.claimDue(manager, from, to, now, BATCH);
      for (const introductionId of ids) await this.outbox.enqueue(manager, OUTCOME_SURVEY_DUE, { introductionId });
      return ids.length;
    });
    if (total) this.logger.log(`${total} outcome survey(s) enqueued`);
    return total;
  }
}
