import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { migrations } from '../migrations/index.js';
import { createDataSource } from '../src/database/data-source.js';
import { withDatabase } from '../src/database/embedded-postgres.js';
import { runMigrationsLocked } from '../src/database/locked-migrations.js';
import { IntroductionRemindersJob } from '../src/introductions/introduction-reminders.job.js';
import { OutboxRepository } from '../src/outbox/outbox.repository.js';
import type { OutboxEvent, OutboxHandler } from '../src/outbox/outbox.types.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { bearer, createCurator, registerBuyer, registerVendor, TEST_PASSWORD, type TestSession } from './support/auth.js';
import { completeNeed, eligiblePair, proposeIntroduction } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { assertTestDatabase, createTestDatabase, type TestDatabase } from './support/test-database.js';

/** Records what one instance's worker delivered. */
class RecordingHandler implements OutboxHandler {
  readonly name = 'recording';
  delivered: OutboxEvent[] = [];
  handles(topic: string): boolean {
    return topic === 'test.multi-instance';
  }
  async deliver(events: OutboxEvent[]): Promise<void> {
    this.delivered.push(...events);
  }
}

const DAY = 86_400_000;

/**
 * Issue 21: N instances behind a load balancer on one PostgreSQL (README, "Running several
 * instances"). Two complete Nest apps in this Jest process, sharing one database, stand for two
 * processes: each has its own pool, worker, jobs and caches, and everything they must agree on
 * goes through PostgreSQL, exactly as between processes. In-process rather than child processes
 * of dist/src/main.js because the outbox worker and the reminder job must be driven by hand
 * (`drain()`, `runOnce(now)`) for the counts to be deterministic, with no sleeping. The database
 * is on the server the suite runs on: the embedded one, or the machine's (DATABASE_URL) in CI's
 * second leg.
 */
describe('two instances on one database', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let curator: TestSession;
  const recordedA = new RecordingHandler();
  const recordedB = new RecordingHandler();

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      // Identical on every instance, or a token signed by one is refused by the other.
      JWT_SECRET: 'multi-instance-test-secret-0123456789abcdef',
      APP_PUBLIC_URL: 'https://circuit-ia.example',
      TRUST_PROXY: 'true',
      AUTH_LOGIN_SLOWDOWN_AFTER: '3',
      // Small batches, so both workers take turns on the same queue.
      OUTBOX_BATCH_SIZE: '5',
    };
    a = await createTestApp({ database, env });
    b = await createTestApp({ database, env });
    a.app.get(OutboxWorker).register(recordedA);
    b.app.get(OutboxWorker).register(recordedB);
    curator = await createCurator(a);
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await database?.drop();
  });

  /** Both workers drain at the same time until neither finds anything due. */
  const drainBoth = async (): Promise<void> => {
    for (let round = 0; round < 50; round++) {
      const results = await Promise.all([a.app.get(OutboxWorker).drain(), b.app.get(OutboxWorker).drain()]);
      if (results.every((r) => r.delivered + r.failed === 0)) return;
    }
    // A bound rather than a hang: an event that fails for ever would otherwise loop here.
    throw new Error('the outbox still had due events after 50 rounds');
  };

  it('delivers each of 60 outbox events exactly once when both workers drain concurrently', async () => {
    const outbox = a.app.get(OutboxRepository);
    await a.dataSource.transaction(async (m) => {
      for (let n = 0; n < 60; n++) await outbox.enqueue(m, 'test.multi-instance', { n });
    });
    await drainBoth();
    const delivered = [...recordedA.delivered, ...recordedB.delivered].map((e) => (e.payload as { n: number }).n);
    expect(delivered).toHaveLength(60);
    expect(new Set(delivered).size).toBe(60);
    const [{ pending }] = await a.dataSource.query(
      "SELECT count(*)::int AS pending FROM outbox_event WHERE topic = 'test.multi-instance' AND processed_at IS NULL",
    );
    expect(pending).toBe(0);
  });

  it('sends one reminder to each side of 3 introductions (6 e-mails) when both instances run the job concurrently', async () => {
    const pairs = [];
    for (let i = 0; i < 3; i++) pairs.push(await eligiblePair(i % 2 ? b : a, curator));
    const intros = await Promise.all(pairs.map((pair, i) => proposeIntroduction(i % 2 ? a : b, curator, pair)));
    await drainBoth();
    const far = new Date(Date.now() + 365 * DAY);
    // Two rounds on each instance at once: every run races for the same unanswered sides.
    await Promise.all([a, b, a, b].map((t) => t.app.get(IntroductionRemindersJob).runOnce(far)));
    await drainBoth();

    const events: { id: string; n: number }[] = await a.dataSource.query(
      `SELECT payload->>'introductionId' AS id, count(*)::int AS n FROM outbox_event
        WHERE topic = 'introduction.reminder' AND payload->>'introductionId' = ANY($1::text[]) GROUP BY 1`,
      [intros.map((i) => i.id)],
    );
    expect(events.map((e) => e.n)).toEqual([2, 2, 2]);
    const users = pairs.flatMap((p) => [p.vendor.userId, p.buyer.userId]);
    const mails: { user_id: string; n: number }[] = await a.dataSource.query(
      "SELECT user_id, count(*)::int AS n FROM mail_log WHERE kind = 'introduction_reminder' AND user_id = ANY($1::uuid[]) GROUP BY 1",
      [users],
    );
    expect(mails).toHaveLength(6);
    expect(mails.every((m) => m.n === 1)).toBe(true);
  });

  it('counts 3 failed logins on instance A against the next login on instance B (429)', async () => {
    const vendor = await registerVendor(a);
    const login = (t: TestApp, password: string) =>
      request(t.server).post('/auth/login').set('x-forwarded-for', '198.51.100.21').send({ email: vendor.email, password });
    for (let i = 0; i < 3; i++) await login(a, `wrong password ${i}`).expect(401);
    const throttled = await login(b, TEST_PASSWORD).expect(429);
    expect(throttled.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('serves writes on A and reads on B, and the other way round, with tokens from either', async () => {
    const buyer = await registerBuyer(b);
    const created = await request(a.server)
      .post('/needs')
      .set(bearer(buyer))
      .send(completeNeed({ title: 'Écrit sur A' }))
      .expect(201);
    const read = await request(b.server).get(`/needs/${created.body.id}`).set(bearer(buyer)).expect(200);
    expect(read.body).toMatchObject({ id: created.body.id, title: 'Écrit sur A' });

    const updated = await request(b.server)
      .patch(`/needs/${created.body.id}`)
      .set(bearer(buyer))
      .send({ title: 'Modifié sur B', version: read.body.version })
      .expect(200);
    const again = await request(a.server).get(`/needs/${created.body.id}`).set(bearer(buyer)).expect(200);
    expect(again.body).toMatchObject({ title: 'Modifié sur B', version: updated.body.version });
  });

  it('answers both health checks on both instances', async () => {
    for (const t of [a, b]) {
      await request(t.server).get('/health').expect(200);
      const ready = await request(t.server).get('/health/ready').expect(200);
      expect(ready.body.status).toBe('ok');
    }
  });
});

/** An empty database on the suite's server: no template, so every migration is pending. */
async function emptyDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.CIRCUIT_TEST_SERVER_URL!;
  const name = `circuit_test_empty_${randomBytes(5).toString('hex')}`;
  assertTestDatabase(name);
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  return { name, url: withDatabase(serverUrl, name), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

describe('two instances booting at once with MIGRATIONS_RUN=true', () => {
  it(`lets one of two concurrent migration runs apply all ${migrations.length} migrations and the other none`, async () => {
    // Directly, without the boot's retry, which would hide a failed concurrent run.
    const database = await emptyDatabase();
    const sources = [createDataSource(database.url, 2), createDataSource(database.url, 2)];
    try {
      await Promise.all(sources.map((d) => d.initialize()));
      const applied = await Promise.all(sources.map((d) => runMigrationsLocked(d)));
      expect(applied.map((a) => a.length).sort((x, y) => x - y)).toEqual([0, migrations.length]);
    } finally {
      for (const d of sources) if (d.isInitialized) await d.destroy();
      await database.drop();
    }
  });

  it(`apply each of the ${migrations.length} migrations once, and both start`, async () => {
    const database = await emptyDatabase();
    const apps: TestApp[] = [];
    try {
      const booted = await Promise.allSettled(
        [1, 2].map(() => createTestApp({ database, env: { MIGRATIONS_RUN: 'true' } }).then((t) => apps.push(t))),
      );
      expect(booted.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const [{ n, distinct }] = await apps[0].dataSource.query(
        'SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct FROM migrations',
      );
      expect({ n, distinct }).toEqual({ n: migrations.length, distinct: migrations.length });
      await request(apps[1].server).get('/health/ready').expect(200);
    } finally {
      for (const t of apps) await t.app.close();
      await database.drop();
    }
  });
});
