import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createDataSource } from '../src/database/data-source.js';
import {
  ensureDatabase,
  freePort,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresHandle,
} from '../src/database/embedded-postgres.js';
import { registrationBody, uniqueEmail } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * PostgreSQL stopped and restarted under traffic, on a server of this file's own (the shared test
 * server must keep serving the other files): requests fail fast with 503 in the error format while
 * it is down, the app recovers by itself, and no acknowledged write is lost.
 */
describe('database restart during traffic', () => {
  let dir: string;
  let port: number;
  let server: EmbeddedPostgresHandle;
  let t: TestApp;
  const options = () => ({ dataDir: path.join(dir, 'data'), port, user: 'restart_test', password: 'restart_test' });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-restart-test-'));
    await fs.chmod(dir, 0o755);
    port = await freePort();
    server = await startEmbeddedPostgres({ ...options(), settings: { fsync: 'off' } });
    await ensureDatabase(server.url, 'circuit_restart_test');
    const url = withDatabase(server.url, 'circuit_restart_test');
    const migrator = createDataSource(url, 1);
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    // Error logs stay on here: a 5xx other than 503 must say what it was.
    t = await createTestApp({ env: { LOG_LEVEL: 'error' }, database: { name: 'circuit_restart_test', url, drop: async () => undefined } });
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const register = (email: string) => request(t.server).post('/auth/register').send(registrationBody('buyer', { email }));

  it('answers 503 while the database is down, recovers alone, and keeps every acknowledged write', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let running = true;
    // Steady writes for the whole scenario, two at a time.
    const traffic = (async () => {
      while (running) {
        const batch = [uniqueEmail('traffic'), uniqueEmail('traffic')];
        const results = await Promise.all(batch.map((email) => register(email)));
        results.forEach((res, i) => {
          statuses.push(res.status);
          if (res.status === 201) acknowledged.push(batch[i]);
          else expect(res.body).toMatchObject({ statusCode: res.status, code: expect.any(String), requestId: expect.any(String) });
        });
      }
    })();

    const signedIn = await register(uniqueEmail('signed-in')).expect(201);
    await new Promise((r) => setTimeout(r, 500));
    await server.stop();

    const started = Date.now();
    const down = await request(t.server).get('/health/ready');
    expect(down.status).toBe(503);
    const write = await register(uniqueEmail('down'));
    expect(write.status).toBe(503);
    expect(write.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    // A valid token is not a reason to answer 401 while the user cannot be read.
    const me = await request(t.server).get('/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`);
    expect(me.status).toBe(503);
    const login = await request(t.server)
      .post('/auth/login')
      .send({ email: signedIn.body.user.email, password: 'correct horse battery staple' });
    expect(login.status).toBe(503);
    // A read on the pool straight (EntityReader, decision 013) maps the same way.
    const read = await request(t.server).get('/offerings/7f1c9c1e-0000-4000-8000-000000000000');
    expect(read.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(8000); // fails fast, no hanging request

    await new Promise((r) => setTimeout(r, 1000));
    server = await startEmbeddedPostgres(options());
    const restarted = Date.now();
    let recoveredAfter = -1;
    while (Date.now() - restarted < 10_000) {
      const ready = await request(t.server).get('/health/ready');
      if (ready.status === 200 && (await register(uniqueEmail('after'))).status === 201) {
        recoveredAfter = Date.now() - restarted;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await traffic;

    expect(recoveredAfter).toBeGreaterThanOrEqual(0);
    expect(recoveredAfter).toBeLessThan(10_000);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses).toContain(201);
    const stored: { email: string }[] = await t.dataSource.query('SELECT email FROM app_user WHERE email = ANY($1)', [acknowledged]);
    expect(stored.map((r) => r.email).sort()).toEqual([...acknowledged].sort());
  });
});
