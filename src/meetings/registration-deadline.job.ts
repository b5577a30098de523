import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { BusinessEventsService } from './business-events.service.js';

/** Deadlines are set to the minute: checked every minute. */
const CHECK_EVERY_MS = 60 * 1000;

/**
 * Closes business-meetings registrations at their deadline (decision 028), as the curator's
 * `close` would: the proposals are stored and the step is audited, with the system as its actor.
 * Each event is claimed with SKIP LOCKED in the transaction that closes it (the reminders'
 * pattern), so several instances never close one twice.
 */
@Injectable()
export class RegistrationDeadlineJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegistrationDeadlineJob.name);
  private readonly schedule = new PeriodicTask('Registration deadlines', CHECK_EVERY_MS, () => this.runOnce(), this.logger);

  constructor(
    private readonly events: BusinessEventsService,
    @InjectConfig('eventDeadlines') private readonly config: ConfigSlices['eventDeadlines'],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Closes every registration whose deadline is at or before `now`; returns the events' ids. */
  async runOnce(now: Date = new Date()): Promise<string[]> {
    const closed = await this.events.closeDueRegistrations(now);
    if (closed.length) this.logger.log(`${closed.length} event registration(s) closed at their deadline`);
    return closed;
  }
}
