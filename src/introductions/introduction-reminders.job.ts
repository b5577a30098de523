import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { Side } from './introduction-lifecycle.js';
import { IntroductionsRepository } from './introductions.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';

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
    private readonly transactions: TransactionRunner,
    private readonly introductions: IntroductionsRepository,
    private readonly outbox: OutboxRepository,
    @InjectConfig('reminders') private readonly config: ConfigSlices['reminders'],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Claims and enqueues every reminder due at `now`; returns how many were enqueued. */
  async runOnce(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.days * DAY_MS);
    let total = 0;
    for (const side of ['vendor', 'buyer'] as Side[]) {
      total += await this.transactions.inBatches(BATCH, async (manager) => {
        const due = await this.introductions.claimDueReminders(manager, side, cutoff, now, BATCH);
        for (const d of due)
          await this.outbox.enqueue(manager, 'introduction.reminder', { introductionId: d.introductionId, side: d.side });
        return due.length;
      });
    }
    if (total) this.logger.log(`${total} introduction reminder(s) enqueued`);
    return total;
  }
}
