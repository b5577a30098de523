import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
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

  it('leaves alone a server shut down cleanly from outside, and stop() then leaves nothing running', async () => {
    // Under `npm start` the terminal's Ctrl-C reached PostgreSQL too: it exited with code 0, the
    // supervisor restarted it while the app was stopping, and the new server outlived the app.
    const events: string[] = [];
    const other = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'clean-exit'),
      port: await freePort(),
      user: 'supervise_test',
      password: 'supervise_test',
      settings: { fsync: 'off' },
      supervise: true,
      onRestart: ({ restarted }) => events.push(restarted ? 'restarted' : 'restart failed'),
      onShutDown: () => events.push('shut down'),
    });
    const pid = other.pid()!;
    process.kill(pid, 'SIGINT');
    await until(() => events.includes('shut down'));
    await other.stop();
    expect(events).toEqual(['shut down']);
    expect(other.pid()).toBeUndefined();
    expect(alive(pid)).toBe(false);
    // A restart takes well under a second here; give one every chance to show up.
    await new Promise((r) => setTimeout(r, 1500));
    await expect(new pg.Client({ connectionString: other.url }).connect()).rejects.toThrow();
    expect(events).toEqual(['shut down']);
  }, 30_000);

  it('in a process group of its own, the server is told to stop when its owner exits without stop()', async () => {
    const script = `
      import { execFileSync } from 'node:child_process';
      import { startEmbeddedPostgres } from './dist/src/database/embedded-postgres.js';
      const group = (pid) => Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      const server = await startEmbeddedPostgres({
        dataDir: ${JSON.stringify(path.join(dir, 'own-group'))}, port: ${await freePort()},
        user: 'supervise_test', password: 'supervise_test', settings: { fsync: 'off' },
        supervise: true, ownProcessGroup: true,
      });
      console.log(JSON.stringify({ pid: server.pid(), group: group(server.pid()), ownerGroup: group(process.pid) }));
      process.exit(3);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(3);
    const { pid, group, ownerGroup } = JSON.parse(out) as { pid: number; group: number; ownerGroup: number };
    expect(pid).toBeGreaterThan(0);
    // Its own group: a Ctrl-C to the owner's group does not reach it.
    expect(group).toBe(pid);
    expect(group).not.toBe(ownerGroup);
    await until(() => !alive(pid), 15_000);
    expect(alive(pid)).toBe(false);
  }, 45_000);
});

/** A zombie (exited, not yet reaped by whoever adopted it) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition() && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 50));
}
