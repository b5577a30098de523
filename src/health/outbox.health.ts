import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { OutboxRepository } from '../outbox/outbox.repository.js';

/** Reports how far behind event delivery is; informative until a worker exists to fall behind. */
@Injectable()
export class OutboxHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly outbox: OutboxRepository,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      return session.up({ ...(await this.outbox.lag()) });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
