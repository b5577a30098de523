import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { dailyPeriod, weeklyPeriod } from './digest-period.js';
import { LeadMailer, type DigestResult } from './lead-mailer.js';

const CHECK_EVERY_MS = 10 * 60 * 1000;

/**
 * Sends the daily and weekly lead digests (issue 18) once their hour has passed. Safe on several
 * instances and after a restart: each digest is claimed in the mail log under its period's key, so
 * running again in the same period only sends what a failure left, or leads created since to
 * members who got no digest yet.
 */
@Injectable()
export class LeadDigestJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LeadDigestJob.name);
  private readonly schedule = new PeriodicTask('Lead digests', CHECK_EVERY_MS, () => this.runOnce(), this.logger);

  constructor(
    private readonly mailer: LeadMailer,
    @InjectConfig('leadAlerts') private readonly config: ConfigSlices['leadAlerts'],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.digestsEnabled) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Sends the digests due at `now`. */
  async runOnce(now: Date = new Date()): Promise<{ daily: DigestResult; weekly: DigestResult }> {
    const none: DigestResult = { digests: 0, leads: 0 };
    const day = dailyPeriod(now, this.config.digestHour);
    const week = weeklyPeriod(now, this.config.digestHour);
    return {
      daily: day.due ? await this.mailer.sendDigests('daily', day.key, now) : none,
      weekly: week.due ? await this.mailer.sendDigests('weekly', week.key, now) : none,
    };
  }
}
