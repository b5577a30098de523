import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG } from '../config/config.module.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { Side } from './introduction-lifecycle.js';
import { IntroductionsRepository } from './introductions.repository.js';

const DAY_MS = 24 * 3600 * 1000;
/** How often the job looks for introductions waiting too long; reminders are counted in days. */
const CHECK_EVERY_MS = 15 * 60 * 1000;
const BATCH = 200;

/**
 * Reminds a side that has not answered an introduction for REMINDER_DAYS days, once per side and
 * introduction (DESIGN §9). Claiming the row (`reminded_<side>_at`) and enqueueing the e-mail event
 * happen in one transaction, with FOR UPDATE SKIP LOCKED: several instances never double-send.
 */
@Injectable()
export class IntroductionRemindersJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntroductionRemindersJob.name);
  private readonly schedule = new PeriodicTask('Introduction reminders', CHECK_EVERY_MS, () => this.runOnce(), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly introductions: IntroductionsRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.REMINDERS_ENABLED) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Claims and enqueues every reminder due at `now`; returns how many were enqueued. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.REMINDER_DAYS * DAY_MS);
    let total = 0;
    for (const side of ['vendor', 'buyer'] as Side[]) {
      for (;;) {
        const claimed = await this.dataSource.transaction(async (manager) => {
          const due = await this.introductions.claimDueReminders(manager, side, cutoff, now, BATCH);
          for (const d of due) await this.outbox.enqueue(manager, 'introduction.reminder', { introductionId: d.introductionId, side: d.side });
          return due.length;
        });
        total += claimed;
        if (claimed < BATCH) break;
      }
    }
    if (total) this.logger.log(`${total} introduction reminder(s) enqueued`);
    return total;
  }
}
