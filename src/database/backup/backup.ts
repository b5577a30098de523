import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import pg from 'pg';
import { systemPath } from '../../config/system-path.js';
import { findPgTool, type FoundTool } from './pg-tools.js';

/** Every custom-format archive starts with these five bytes. */
const ARCHIVE_MAGIC = 'PGDMP';

export interface BackupReport {
  file: string;
  bytes: number;
  seconds: number;
  tables: number;
  tool: FoundTool;
}

export interface RestoreReport {
  file: string;
  seconds: number;
  tables: number;
  rows: number;
  tool: FoundTool;
}

/** A refusal the operator can act on: the command prints it and exits with 2, nothing is written. */
export class BackupRefusal extends Error {}

interface Target {
  /** Connection string without the password (it goes through PGPASSWORD, never the process list). */
  url: string;
  password: string | undefined;
}

function splitPassword(connectionString: string): Target {
  const url = new URL(connectionString);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { url: url.toString(), password };
}

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverMajor(connectionString: string): Promise<number> {
  return withClient(connectionString, async (c) => {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number.parseInt(rows[0].v, 10) / 10_000);
  });
}

/** The user tables of a database (every schema but PostgreSQL's own), as "schema"."table". */
export async function userTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg_toast%'
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

function runTool(tool: FoundTool, args: string[], target: Target): Promise<void> {
  return new Promise((resolve, reject) => {
    // Only what the tool needs: the app's own secrets stay out of the child's environment.
    const env = { LC_ALL: 'C', ...(target.password ? { PGPASSWORD: target.password } : {}) };
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8_000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool.path} exited with ${code}:\n${stderr.trim()}`))));
  });
}

/**
 * Writes a pg_dump custom-format archive of the database (schema, data, the migrations table), to a
 * temporary name first so an interrupted run never leaves a truncated file under the final name.
 */
export async function backupDatabase(connectionString: string, file: string, binDir?: string): Promise<BackupReport> {
  const started = Date.now();
  const dump = findPgTool('pg_dump', await serverMajor(connectionString), binDir, systemPath());
  const tables = await withClient(connectionString, async (c) => (await userTables(c)).length);
  const partial = `${file}.partial`;
  const target = splitPassword(connectionString);
  try {
    await runTool(dump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${target.url}`], target);
    await fs.rename(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
  const { size } = await fs.stat(file);
  return { file, bytes: size, seconds: (Date.now() - started) / 1000, tables, tool: dump };
}

async function assertArchive(file: string): Promise<void> {
  const handle = await fs.open(file, 'r').catch(() => {
    throw new BackupRefusal(`No backup file at ${file}.`);
  });
  try {
    const head = Buffer.alloc(ARCHIVE_MAGIC.length);
    await handle.read(head, 0, head.length, 0);
    if (head.toString('latin1') !== ARCHIVE_MAGIC) {
      throw new BackupRefusal(`${file} is not a pg_dump custom-format archive (written by npm run backup).`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Restores an archive into an EMPTY database, in one transaction: either every table comes back or
 * nothing is written. A database that already holds tables is refused, never overwritten.
 */
export async function restoreDatabase(connectionString: string, file: string, binDir?: string): Promise<RestoreReport> {
  const started = Date.now();
  await assertArchive(file);
  const existing = await withClient(connectionString, userTables);
  if (existing.length > 0) {
    throw new BackupRefusal(
      `The target database is not empty (${existing.length} tables, e.g. ${existing.slice(0, 3).join(', ')}): ` +
        'restore into a new, empty database (a fresh EMBEDDED_PG_DIR, or a DATABASE_URL naming an empty database).',
    );
  }
  const restore = findPgTool('pg_restore', await serverMajor(connectionString), binDir, systemPath());
  const target = splitPassword(connectionString);
  await runTool(
    restore,
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`, file],
    target,
  );
  const counts = await tableRowCounts(connectionString);
  return {
    file,
    seconds: (Date.now() - started) / 1000,
    tables: counts.size,
    rows: [...counts.values()].reduce((a, b) => a + b, 0),
    tool: restore,
  };
}

export async function tableRowCounts(connectionString: string): Promise<Map<string, number>> {
  return withClient(connectionString, async (c) => {
    const counts = new Map<string, number>();
    for (const table of await userTables(c)) {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      counts.set(table, Number(rows[0].n));
    }
    return counts;
  });
}
