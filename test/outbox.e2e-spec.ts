import pg from 'pg';
import request from 'supertest';
import { OutboxSequence1764900000000 } from '../migrations/1764900000000-outbox-sequence.js';
import { OutboxRepository } from '../src/outbox/outbox.repository.js';
import type { OutboxEvent, OutboxHandler } from '../src/outbox/outbox.types.js';
import { KEEP_DELIVERED_DAYS, OutboxWorker } from '../src/outbox/outbox.worker.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

/** A handler that records deliveries and can be told to fail: the injected fault. */
class RecordingHandler implements OutboxHandler {
  readonly name = 'recording';
  delivered: OutboxEvent[] = [];
  failuresLeft = 0;
  handles(topic: string): boolean {
    return topic.startsWith('test.');
  }
  async deliver(events: OutboxEvent[]): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('index unavailable');
    }
    this.delivered.push(...events);
  }
}

describe('transactional outbox', () => {
  let t: TestApp;
  let outbox: OutboxRepository;
  let worker: OutboxWorker;
  const handler = new RecordingHandler();

  beforeAll(async () => {
    t = await createTestApp();
    outbox = t.app.get(OutboxRepository);
    worker = t.app.get(OutboxWorker);
    worker.register(handler);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    handler.delivered = [];
    handler.failuresLeft = 0;
    await t.dataSource.query('DELETE FROM outbox_event');
  });

  const makeDue = () => t.dataSource.query('UPDATE outbox_event SET available_at = now() WHERE processed_at IS NULL');

  it('records an event only when its transaction commits', async () => {
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.kept', { n: 1 }));
    await t.dataSource
      .transaction(async (m) => {
        await outbox.enqueue(m, 'test.lost', { n: 2 });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    const rows: { topic: string }[] = await t.dataSource.query('SELECT topic FROM outbox_event');
    expect(rows.map((r) => r.topic)).toEqual(['test.kept']);
  });

  it('delivers pending events in order and acknowledges them', async () => {
    for (const n of [1, 2, 3]) await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.order', { n }));
    expect(await worker.drain()).toEqual({ delivered: 3, failed: 0 });
    expect(handler.delivered.map((e) => e.payload.n)).toEqual([1, 2, 3]);
    expect((await outbox.lag()).pending).toBe(0);
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 0 });
  });

  it('delivers the events of one transaction in the order they were enqueued', async () => {
    // One transaction: every event has the same created_at (the transaction's start), so only the
    // enqueue sequence can order them; 40 events make a chance ordering all but impossible.
    const ns = Array.from({ length: 40 }, (_, i) => i);
    await t.dataSource.transaction(async (m) => {
      for (const n of ns) await outbox.enqueue(m, 'test.burst', { n });
    });
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.burst', { n: 40 }));
    // Rewriting the first half moves their row versions to the end of the table, so the table's
    // physical order (what an unordered read returns) is no longer the enqueue order.
    await t.dataSource.query("UPDATE outbox_event SET payload = payload WHERE (payload->>'n')::int < 20");
    expect(await worker.drain()).toEqual({ delivered: 41, failed: 0 });
    expect(handler.delivered.map((e) => e.payload.n)).toEqual([...ns, 40]);
  });

  it('numbers the events already queued in their old order when the sequence migration runs, and reverts cleanly', async () => {
    await revertAndReapply(t, new OutboxSequence1764900000000(), async () => {
      // Delivered long ago: purged by the migration.
      await t.dataSource.query(
        "INSERT INTO outbox_event (topic, payload, processed_at) VALUES ('test.ancient', '{}', now() - interval '400 days')",
      );
      // Queued before the migration, at distinct times.
      for (const n of [1, 2, 3]) {
        await t.dataSource.query(
          "INSERT INTO outbox_event (topic, payload, created_at) VALUES ('test.old', $1, now() + make_interval(secs => $2))",
          [JSON.stringify({ n }), n],
        );
      }
    });
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.new', { n: 4 }));
    const rows: { n: number; seq: string }[] = await t.dataSource.query(
      "SELECT (payload->>'n')::int AS n, seq FROM outbox_event ORDER BY seq",
    );
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    await expect(t.dataSource.query("INSERT INTO outbox_event (topic, payload, seq) VALUES ('test.forced', '{}', 99)")).rejects.toThrow(
      /non-DEFAULT value into column "seq"/,
    );
  });

  it('acknowledges events no handler wants', async () => {
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'nobody.listens', {}));
    expect(await worker.drain()).toEqual({ delivered: 1, failed: 0 });
    expect(handler.delivered).toEqual([]);
  });

  it('keeps a failed event with its error, backs off, then delivers it once the target recovers', async () => {
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.retry', { n: 1 }));
    handler.failuresLeft = 2;

    expect(await worker.drain()).toEqual({ delivered: 0, failed: 1 });
    const [row] = await t.dataSource.query('SELECT attempts, last_error, available_at > now() AS later FROM outbox_event');
    expect(row).toEqual({ attempts: 1, last_error: 'index unavailable', later: true });
    // Backing off: not due yet, so nothing is attempted.
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 0 });
    expect(await outbox.lag()).toMatchObject({ pending: 1, failing: 1 });

    await makeDue();
    expect(await worker.drain()).toEqual({ delivered: 0, failed: 1 });
    await makeDue();
    expect(await worker.drain()).toEqual({ delivered: 1, failed: 0 });
    expect(handler.delivered.map((e) => e.attempts)).toEqual([3]);
    expect(await outbox.lag()).toMatchObject({ pending: 0, failing: 0 });
  });

  it('reports lag and failures on readiness without failing it', async () => {
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.lag', {}));
    await t.dataSource.query("UPDATE outbox_event SET created_at = now() - interval '90 seconds', last_error = 'boom'");
    const res = await request(t.server).get('/health/ready').expect(200);
    expect(res.body.info.outbox).toMatchObject({ status: 'up', pending: 1, failing: 1 });
    expect(res.body.info.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(89);
  });

  it('never hands one event to two concurrent workers', async () => {
    await t.dataSource.transaction(async (m) => {
      for (let n = 0; n < 250; n++) await outbox.enqueue(m, 'test.concurrent', { n });
    });
    const claims = await Promise.all([1, 2, 3, 4].map(() => outbox.claimDue(100, 60)));
    const ids = claims.flat().map((e) => e.id);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
  });

  it('purges delivered events older than the retention', async () => {
    await t.dataSource.transaction((m) => outbox.enqueue(m, 'test.old', {}));
    await worker.drain();
    await t.dataSource.query("UPDATE outbox_event SET processed_at = now() - interval '10 days'");
    expect(await outbox.purgeDelivered(7)).toBe(1);
  });

  it('is purged by the running worker: delivered events past the retention go, the others stay', async () => {
    // The events are there before the app starts: its worker's first round purges, the next one an
    // hour later, so an event inserted after start could miss the only purge this test would see.
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO outbox_event (topic, payload, processed_at) VALUES
           ('test.old', '{"n": 1}', now() - make_interval(days => $1)), ('test.recent', '{"n": 2}', now() - interval '1 day')`,
        [KEEP_DELIVERED_DAYS + 1],
      );
    } finally {
      await client.end();
    }
    const running = await createTestApp({ database, env: { OUTBOX_WORKER_ENABLED: 'true', OUTBOX_POLL_MS: '50' } });
    try {
      const topics = async (): Promise<string[]> =>
        ((await running.dataSource.query('SELECT topic FROM outbox_event ORDER BY seq')) as { topic: string }[]).map((r) => r.topic);
      const deadline = Date.now() + 10_000;
      while ((await topics()).includes('test.old') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await topics()).toEqual(['test.recent']);
    } finally {
      await running.close();
    }
  });
});
