import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { resolveDataDir } from '../src/database/embedded-postgres-files.js';
import { freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('embedded PostgreSQL from any checkout folder', () => {
  let rootOnly: string;

  beforeAll(async () => {
    // Like a checkout under /root: a folder nobody but its owner may enter.
    rootOnly = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-private-'));
    await fs.chmod(rootOnly, 0o700);
  });
  afterAll(async () => {
    await fs.rm(rootOnly, { recursive: true, force: true });
  });

  it('keeps the data folder asked for when the postgres user can reach it', () => {
    const wanted = path.join(os.tmpdir(), 'circuit-ia-reachable', 'data');
    expect(resolveDataDir(wanted)).toEqual({ dataDir: wanted, fallback: false });
  });

  it('starts, keeps data across a restart, and stops, even when the checkout is private', async () => {
    const { dataDir, fallback } = resolveDataDir(path.join(rootOnly, '.data', 'postgres'));
    expect(fallback).toBe(asRoot);
    const port = await freePort();
    const options = { dataDir, port, user: 'circuit', password: 'secret-for-test' };
    try {
      let server = await startEmbeddedPostgres(options);
      let client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query('CREATE TABLE kept (v text)');
      await client.query("INSERT INTO kept VALUES ('still here')");
      await client.end();
      await server.stop();

      server = await startEmbeddedPostgres(options);
      client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SELECT v FROM kept');
      await client.end();
      await server.stop();
      expect(rows).toEqual([{ v: 'still here' }]);
      await expect(new pg.Client({ connectionString: server.url }).connect()).rejects.toThrow();
    } finally {
      await fs.rm(fallback ? path.dirname(dataDir) : dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong password', async () => {
    const dataDir = path.join(os.tmpdir(), `circuit-ia-pw-test-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), user: 'circuit', password: 'right-one' });
    try {
      const bad = new URL(server.url);
      bad.password = 'wrong';
      await expect(new pg.Client({ connectionString: bad.toString() }).connect()).rejects.toThrow(/password/);
    } finally {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
