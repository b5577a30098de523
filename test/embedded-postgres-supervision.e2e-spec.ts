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
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 17 item 3: a SIGKILLed embedded PostgreSQL left the app answering 503 until a manual restart. */
describe('embedded PostgreSQL under supervision', () => {
  let dir: string;
  let server: EmbeddedPostgresHandle;
  let t: TestApp;
  const restarts: boolean[] = [];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-supervise-test-'));
    await fs.chmod(dir, 0o755);
    const port = await freePort();
    server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      port,
      user: 'supervise_test',
      password: 'supervise_test',
      settings: { fsync: 'off' },
      supervise: true,
      onRestart: ({ restarted }) => restarts.push(restarted),
    });
    await ensureDatabase(server.url, 'circuit_supervise_test');
    const url = withDatabase(server.url, 'circuit_supervise_test');
    const migrator = createDataSource(url, 1);
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    t = await createTestApp({ database: { name: 'circuit_supervise_test', url, drop: async () => undefined } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('restarts the postmaster killed with SIGKILL, and the app is ready again within 30 s', async () => {
    await request(t.server).get('/health/ready').expect(200);
    const pid = server.pid();
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    const killedAt = Date.now();
    let status = 0;
    while (Date.now() - killedAt < 30_000) {
      status = (await request(t.server).get('/health/ready')).status;
      if (status === 200 && server.pid() !== undefined && server.pid() !== pid) break;
      expect([200, 503]).toContain(status);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(server.pid()).not.toBe(pid);
    expect(restarts).toContain(true);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
  }, 45_000);
});
