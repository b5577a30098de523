import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { fastify as Fastify, type FastifyInstance } from 'fastify';
import pg from 'pg';
import { DEMO_CURATOR_EMAIL, DEMO_PASSWORD } from '../src/demo/demo-data.js';
import { freePort } from '../src/database/embedded-postgres.js';
import { writeResult } from './support/harness.js';

/**
 * `npm run load`: starts the app as `npm start` does (embedded PostgreSQL with the demo data, in a
 * temp folder), drives a mixed scenario (catalogue search, match, offering reads, need writes) at
 * N connections for D seconds with autocannon, then compares `GET /offerings/:id` with a bare
 * Fastify + pg route running the same SELECTs, in the same run. Writes bench/results/load-*.json.
 */
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg('duration', 60);
const CONNECTIONS = arg('connections', 50);
const COMPARE_SECONDS = arg('compare-duration', 20);

async function waitFor(url: string, ok: (body: unknown) => boolean, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok && ok(await res.json())) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready in ${seconds} s`);
}

async function json(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Every response time of a run, in ms: autocannon's own percentiles skip p95. */
const responseTimes = new WeakMap<Result, number[]>();
const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;

const summary = (r: Result) => ({
  requestsPerSecond: Math.round(r.requests.average),
  latencyMs: (() => {
    const sorted = [...(responseTimes.get(r) ?? [])].sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: r.latency.max,
    };
  })(),
  total: r.requests.total,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
});

function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(opts, (error, result) => {
      if (error) return reject(error);
      responseTimes.set(result, times);
      resolve(result);
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
    autocannon.track(instance, { renderProgressBar: true, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-load-'));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting the app as npm start does (data in ${dir})…`);
  const app: ChildProcess = spawn(process.execPath, ['dist/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: path.join(dir, 'pg'),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let bare: FastifyInstance | undefined;
  let pool: pg.Pool | undefined;
  try {
    await waitFor(`${base}/offerings?pageSize=1`, (b) => ((b as { total?: number }).total ?? 0) > 0, 120);
    const curator = await json(`${base}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: DEMO_CURATOR_EMAIL, password: DEMO_PASSWORD }),
    });
    const auth = { authorization: `Bearer ${curator.accessToken as string}` };
    const needs = await json(`${base}/needs?status=published&pageSize=1`, { headers: auth });
    const needId = (needs.items as { id: string }[])[0].id;
    const offerings = await json(`${base}/offerings?pageSize=1`);
    const offeringId = (offerings.items as { id: string }[])[0].id;
    const buyerEmail = 'acheteur+0@demo.circuit-ia.fr';
    const buyer = await json(`${base}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: buyerEmail, password: DEMO_PASSWORD }),
    });
    const buyerAuth = { authorization: `Bearer ${buyer.accessToken as string}`, 'content-type': 'application/json' };
    const needBody = JSON.stringify({
      title: 'Besoin de charge',
      description: 'Créé par le test de charge.',
      useCases: ['DOC_PROCESSING'],
      reach: 'regional',
    });

    console.log(`Mixed scenario: ${CONNECTIONS} connections for ${DURATION} s…`);
    const mixed = await run({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        { method: 'GET', path: '/offerings?q=chatbott&pageSize=20' },
        { method: 'GET', path: `/needs/${needId}/matches?limit=20`, headers: auth },
        { method: 'GET', path: `/offerings/${offeringId}` },
        { method: 'GET', path: '/offerings?useCase=DOC_PROCESSING&region=93' },
        { method: 'POST', path: '/needs', headers: buyerAuth, body: needBody },
      ],
    });

    // The floor: the same SELECTs as GET /offerings/:id on a bare Fastify + pg server.
    pool = new pg.Pool({ connectionString: `postgres://circuit:circuit-local-only@127.0.0.1:${pgPort}/circuit_ia`, max: 10 });
    const server = Fastify();
    bare = server;
    const db = pool;
    server.get<{ Params: { id: string } }>('/offerings/:id', async (req) => {
      const {
        rows: [offering],
      } = await db.query('SELECT * FROM offering WHERE id = $1', [req.params.id]);
      const {
        rows: [vendor],
      } = await db.query('SELECT * FROM organisation WHERE id = $1', [offering.vendor_id]);
      const { rows: claims } = await db.query('SELECT * FROM offering_claim WHERE offering_id = $1', [req.params.id]);
      return { ...offering, vendor, claims };
    });
    const barePort = await freePort();
    await server.listen({ port: barePort, host: '127.0.0.1' });

    console.log(`GET /offerings/:id, app vs bare Fastify + pg, ${COMPARE_SECONDS} s each…`);
    const appRead = await run({ url: `${base}/offerings/${offeringId}`, connections: CONNECTIONS, duration: COMPARE_SECONDS });
    const bareRead = await run({
      url: `http://127.0.0.1:${barePort}/offerings/${offeringId}`,
      connections: CONNECTIONS,
      duration: COMPARE_SECONDS,
    });

    const result = {
      benchmark: 'load: mixed scenario against the app as npm start runs it, and GET /offerings/:id beside a bare Fastify + pg route',
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      mixed: summary(mixed),
      offeringRead: {
        app: summary(appRead),
        bare: summary(bareRead),
        ratio: Math.round((appRead.requests.average / bareRead.requests.average) * 100) / 100,
        target: 0.7,
      },
    };
    const file = await writeResult('load', result);
    console.log(JSON.stringify({ mixed: result.mixed, offeringRead: result.offeringRead }, null, 2));
    console.log(`Results written to ${file}`);
  } finally {
    await bare?.close();
    await pool?.end();
    app.kill('SIGINT');
    await new Promise((r) => app.once('exit', r));
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
