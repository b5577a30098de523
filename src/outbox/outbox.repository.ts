import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxEvent } from './outbox.types.js';
import { PARTNER_INTRODUCTION_STATUS } from './partner-topics.js';

export interface OutboxLag {
  pending: number;
  failing: number;
  oldestPendingSeconds: number | null;
}

interface EventRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an event inside the caller's transaction, so it exists if and only if the change does. */
  async enqueue(manager: EntityManager, topic: string, payload: Record<string, unknown>): Promise<void> {
    await manager.query('INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)', [topic, JSON.stringify(payload)]);
  }

  /** Tells the partner that brought a need (if one did) that one of its introductions is now at `status`. */
  async partnerIntroductionStatus(
    manager: EntityManager,
    introduction: { introductionId: string; needId: string; partnerId: string | null | undefined },
    status: string,
  ): Promise<void> {
    const { introductionId, needId, partnerId } = introduction;
    if (partnerId) await this.enqueue(manager, PARTNER_INTRODUCTION_STATUS, { introductionId, needId, partnerId, status });
  }

  /**
   * Claims up to `limit` due events with a lease: they become invisible to other workers (and
   * other app instances) until `leaseSeconds` pass, so no long transaction is held while delivering.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<OutboxEvent[]> {
    // Due events in enqueue order (seq), chosen and returned in it: RETURNING comes back in no set
    // order, and created_at cannot tell apart events of one transaction (its start). An event
    // backing off after a failure is delivered after later ones: retries never block the queue.
    const rows = (await this.dataSource.query(
      `WITH claimed AS (
         UPDATE outbox_event SET available_at = now() + make_interval(secs => $2), attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox_event
                        WHERE processed_at IS NULL AND available_at <= now()
                        ORDER BY seq
                        LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, seq, topic, payload, attempts, created_at)
       SELECT id, topic, payload, attempts, created_at FROM claimed ORDER BY seq`,
      [limit, leaseSeconds],
    )) as EventRow[];
    return rows.map((r) => ({ id: r.id, topic: r.topic, payload: r.payload, attempts: r.attempts, createdAt: r.created_at }));
  }

  async markDelivered(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query('UPDATE outbox_event SET processed_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])', [ids]);
  }

  async markFailed(id: string, error: string, retryInMs: number): Promise<void> {
    await this.dataSource.query('UPDATE outbox_event SET last_error = $2, available_at = now() + make_interval(secs => $3) WHERE id = $1', [
      id,
      error.slice(0, 2000),
      retryInMs / 1000,
    ]);
  }

  async lag(): Promise<OutboxLag> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              count(*) FILTER (WHERE last_error IS NOT NULL)::int AS failing,
              extract(epoch FROM now() - min(created_at))::float AS oldest
         FROM outbox_event WHERE processed_at IS NULL`,
    )) as { pending: number; failing: number; oldest: number | null }[];
    return { pending: row.pending, failing: row.failing, oldestPendingSeconds: row.oldest === null ? null : Math.round(row.oldest) };
  }

  /** Deletes delivered events older than `days`: the table is a queue, not an archive. */
  async purgeDelivered(days: number): Promise<number> {
    const [, count] = (await this.dataSource.query('DELETE FROM outbox_event WHERE processed_at < now() - make_interval(days => $1)', [
      days,
    ])) as [unknown, number];
    return count;
  }
}
