import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source.js';
import { freePort, startEmbeddedPostgres, withDatabase } from '../../src/database/embedded-postgres.js';

export interface BenchDatabase {
  dataSource: DataSource;
  url: string;
  where: string;
  close(): Promise<void>;
}

/**
 * A throw-away, migrated database for a benchmark: on DATABASE_URL's server when set (database
 * `circuit_bench_<pid>`, dropped afterwards), else on an embedded PostgreSQL in a temp folder.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const name = `circuit_bench_${process.pid}`;
  let serverUrl: string;
  let stopServer = async (): Promise<void> => undefined;
  let where: string;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    where = `PostgreSQL server of DATABASE_URL (${new URL(serverUrl).host})`;
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-bench-'));
    await fs.chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      port: await freePort(),
      user: 'bench',
      password: 'bench',
    });
    serverUrl = server.url;
    where = 'embedded PostgreSQL';
    stopServer = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const [{ server_version: version }] = (await admin.query('SHOW server_version')).rows as { server_version: string }[];
  where = `${where}, version ${version}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const dataSource = createDataSource(url, 4);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    url,
    where,
    close: async () => {
      await dataSource.destroy();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await stopServer();
    },
  };
}

export { prng } from '../../src/common/prng.js';

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Timing {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Runs `fn` `count` times after `warmup` runs and returns latency percentiles. */
export async function time(count: number, fn: (i: number) => Promise<unknown>, warmup = 20): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/** A one-line progress bar on stderr. */
export function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

export async function writeResult(name: string, result: Record<string, unknown>): Promise<string> {
  const dir = path.join(process.cwd(), 'bench', 'results');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const body = {
    ...result,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    at: new Date().toISOString(),
  };
  await fs.writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  await fs.writeFile(path.join(dir, `${name}-latest.json`), `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
