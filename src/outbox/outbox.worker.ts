import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConfig, type ConfigSlices } from '../config/config-slices.js';
import { OutboxRepository } from './outbox.repository.js';
import { retryDelayMs, type OutboxEvent, type OutboxHandler } from './outbox.types.js';

/** Delivered events are kept this long (to look into a delivery), then purged by the worker. */
export const KEEP_DELIVERED_DAYS = 7;
const PURGE_EVERY_MS = 3600 * 1000;

export interface DrainResult {
  delivered: number;
  failed: number;
}

/**
 * Delivers outbox events to the handlers registered for their topic: at least once, in batches,
 * retried with exponential backoff, safe with several app instances (leases taken with
 * FOR UPDATE SKIP LOCKED). Events no handler wants are acknowledged at once. Once an hour it
 * purges the events delivered more than KEEP_DELIVERED_DAYS ago: the table is a queue.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private readonly handlers: OutboxHandler[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private lastPurge = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    @InjectConfig('outbox') private readonly config: ConfigSlices['outbox'],
  ) {}

  register(handler: OutboxHandler): void {
    this.handlers.push(handler);
  }

  onApplicationBootstrap(): void {
    if (this.config.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Delivers everything due now, batch after batch; returns the counts. Used by tests and the CLI. */
  async drain(maxBatches = 1000): Promise<DrainResult> {
    const total: DrainResult = { delivered: 0, failed: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const result = await this.deliverBatch();
      total.delivered += result.delivered;
      total.failed += result.failed;
      if (result.delivered + result.failed < this.config.batchSize) break;
    }
    return total;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .catch((error: unknown) => this.logger.warn(`Outbox delivery round failed: ${String(error)}`))
        .finally(() => this.schedule(this.config.pollMs));
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    await this.drain(20);
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    const purged = await this.outbox.purgeDelivered(KEEP_DELIVERED_DAYS);
    if (purged > 0) this.logger.log(`Outbox: ${purged} delivered event(s) older than ${KEEP_DELIVERED_DAYS} days purged.`);
  }

  private async deliverBatch(): Promise<DrainResult> {
    const events = await this.outbox.claimDue(this.config.batchSize, 60);
    if (events.length === 0) return { delivered: 0, failed: 0 };
    const byHandler = new Map<OutboxHandler | null, OutboxEvent[]>();
    for (const event of events) {
      const handler = this.handlers.find((h) => h.handles(event.topic)) ?? null;
      byHandler.set(handler, [...(byHandler.get(handler) ?? []), event]);
    }
    let delivered = 0;
    let failed = 0;
    for (const [handler, batch] of byHandler) {
      try {
        if (handler) await handler.deliver(batch);
        await this.outbox.markDelivered(batch.map((e) => e.id));
        delivered += batch.length;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const event of batch) await this.outbox.markFailed(event.id, message, retryDelayMs(event.attempts));
        failed += batch.length;
        this.logger.warn(`${handler?.name ?? 'outbox'} failed to deliver ${batch.length} event(s): ${message}`);
      }
    }
    return { delivered, failed };
  }
}
