import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from './support/test-database.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a built command as an operator would, against one database, and keeps its exit code and output. */
function runCli(script: string, args: string[], databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join('dist/src', script), ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...extraEnv }, timeout: 240_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Row count and a checksum of every row's text, per table, so a restore that loses or alters one row shows. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string | null }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${name} t`,
      );
      result[name] = { rows: Number(rows[0].n), md5: rows[0].md5 };
    }
    return result;
  } finally {
    await client.end();
  }
}

/**
 * Issue 21, "backups that restore": `npm run backup` then `npm run restore` round-trip the demo data,
 * compared table by table (row counts and a checksum of every row), on the server the suite runs on.
 */
describe('backup and restore (npm run backup / npm run restore)', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let archive: string;
  let before: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-backup-'));
    archive = path.join(dir, 'demo.dump');
    source = await createTestDatabase();
    const seeded = await runCli('demo/seed-demo.js', [], source.url);
    expect(seeded).toMatchObject({ code: 0 });
    before = await fingerprint(source.url);
    target = await createEmptyTestDatabase();
  }, 300_000);

  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('round-trips the demo data: every table, every row, the migrations history', async () => {
    const backup = await runCli('cli/backup.js', [archive], source.url);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Done in [\d.]+ s: \d+ tables, \d+ KiB/);
    const head = (await fs.readFile(archive)).subarray(0, 5).toString('latin1');
    expect(head).toBe('PGDMP');
    await expect(fs.access(`${archive}.partial`)).rejects.toThrow();

    const restore = await runCli('cli/restore.js', [archive], target.url);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/Done in [\d.]+ s: \d+ tables, \d+ rows/);

    const after = await fingerprint(target.url);
    expect(after).toEqual(before);
    // The demo data is really there: the comparison is not between two empty databases.
    expect(before['public.migrations'].rows).toBeGreaterThan(20);
    expect(before['public.offering'].rows).toBeGreaterThan(20);
    expect(before['public.introduction'].rows).toBeGreaterThan(5);
    const size = (await fs.stat(archive)).size;
    process.stdout.write(`backup round trip: ${Object.keys(before).length} tables, ${size} bytes\n${backup.stdout}${restore.stdout}`);
  }, 240_000);

  it('refuses to restore into a database that is not empty, and changes nothing there', async () => {
    const snapshot = await fingerprint(source.url);
    const run = await runCli('cli/restore.js', [archive], source.url);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not empty \(\d+ tables/);
    expect(await fingerprint(source.url)).toEqual(snapshot);
  }, 120_000);

  it('refuses a file that is not an archive, a missing file, and a missing argument, with exit code 2', async () => {
    const notArchive = path.join(dir, 'notes.txt');
    await fs.writeFile(notArchive, 'not a dump');
    const empty = await createEmptyTestDatabase();
    try {
      const bad = await runCli('cli/restore.js', [notArchive], empty.url);
      expect(bad).toMatchObject({ code: 2 });
      expect(bad.stderr).toMatch(/not a pg_dump custom-format archive/);
      const missing = await runCli('cli/restore.js', [path.join(dir, 'nowhere.dump')], empty.url);
      expect(missing).toMatchObject({ code: 2 });
      expect(missing.stderr).toMatch(/No backup file/);
      const none = await runCli('cli/restore.js', [], empty.url);
      expect(none).toMatchObject({ code: 2 });
      expect(none.stderr).toMatch(/Usage: npm run restore/);
      expect(Object.keys(await fingerprint(empty.url))).toEqual([]);
    } finally {
      await empty.drop();
    }
  }, 120_000);

  it('never overwrites an existing backup file', async () => {
    const existing = path.join(dir, 'existing.dump');
    await fs.writeFile(existing, 'keep me');
    const run = await runCli('cli/backup.js', [existing], source.url);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already exists/);
    expect(await fs.readFile(existing, 'utf8')).toBe('keep me');
  }, 60_000);

  it('says which client tools to install when none is new enough for the server', async () => {
    // The fault is injected with a fake, too-old pg_dump as the only one the command can find.
    const bin = path.join(dir, 'old-bin');
    await fs.mkdir(bin);
    await fs.writeFile(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    const run = await runCli('cli/backup.js', [path.join(dir, 'never.dump')], source.url, { PG_BIN_DIR: bin });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pg_dump \d+ or newer is needed .*found only .*old-bin\/pg_dump \(9\)/);
    expect(run.stderr).toMatch(/postgresql-client-\d+\) or set PG_BIN_DIR/);
    await expect(fs.access(path.join(dir, 'never.dump'))).rejects.toThrow();
  }, 60_000);

  it('names the version mismatch when a data folder was made by another PostgreSQL major', async () => {
    const dataDir = path.join(dir, 'other-major');
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(dataDir, 'PG_VERSION'), '9\n');
    await expect(
      startEmbeddedPostgres({ dataDir, port: await freePort(), user: 'circuit_test', password: 'circuit_test' }),
    ).rejects.toThrow(/created by PostgreSQL 9, and this version of Circuit IA embeds PostgreSQL \d+\. Back it up/);
  });
});
