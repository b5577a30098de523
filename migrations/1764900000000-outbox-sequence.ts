import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives outbox events their enqueue order. `created_at` is the transaction's start time: events
 * written in one transaction share it, so ordering on it left their delivery order to chance.
 * An identity column is drawn at insert time, so it orders events as they were enqueued.
 */
export class OutboxSequence1764900000000 implements MigrationInterface {
  name = 'OutboxSequence1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // Existing rows are numbered in their old order (created_at; the events of one transaction,
    // which share it, by id: their order was never recorded, so nothing better exists).
    // The purge the worker now runs (7 days of delivered events kept) was never called before:
    // apply it first, so the backfill below rewrites a queue, not years of history.
    await q.query("DELETE FROM outbox_event WHERE processed_at < now() - interval '7 days'");
    await q.query('ALTER TABLE outbox_event ADD COLUMN seq bigint');
    await q.query(`UPDATE outbox_event e SET seq = o.n
                     FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM outbox_event) o
                    WHERE o.id = e.id`);
    await q.query('ALTER TABLE outbox_event ALTER COLUMN seq SET NOT NULL');
    await q.query('ALTER TABLE outbox_event ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY');
    await q.query("SELECT setval(pg_get_serial_sequence('outbox_event', 'seq'), coalesce((SELECT max(seq) FROM outbox_event), 0) + 1, false)");
    await q.query('DROP INDEX outbox_event_pending_idx');
    // The worker takes due events in enqueue order.
    await q.query('CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE processed_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_event_pending_idx');
    await q.query('CREATE INDEX outbox_event_pending_idx ON outbox_event (available_at) WHERE processed_at IS NULL');
    await q.query('ALTER TABLE outbox_event DROP COLUMN seq');
  }
}
