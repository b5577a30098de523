import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity.js';

export interface OutboxLag {
  pending: number;
  failing: number;
  oldestPendingSeconds: number | null;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an event inside the caller's transaction, so it exists if and only if the change does. */
  async enqueue(manager: EntityManager, topic: string, payload: Record<string, unknown>): Promise<void> {
    await manager.query('INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)', [topic, JSON.stringify(payload)]);
  }

  async lag(): Promise<OutboxLag> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              count(*) FILTER (WHERE attempts > 0)::int AS failing,
              extract(epoch FROM now() - min(created_at))::float AS oldest
         FROM outbox_event WHERE processed_at IS NULL`,
    )) as { pending: number; failing: number; oldest: number | null }[];
    return { pending: row.pending, failing: row.failing, oldestPendingSeconds: row.oldest === null ? null : Math.round(row.oldest) };
  }

  countPending(): Promise<number> {
    return this.dataSource.getRepository(OutboxEventEntity).countBy({ processedAt: IsNull() });
  }
}
