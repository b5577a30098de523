import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseMajor } from './backup/pg-tools.js';

/*
 * The embedded PostgreSQL's files: its binaries, and the data folder, both usable by the postgres
 * system user when the app runs as root (which PostgreSQL refuses to run as), from any checkout
 * folder (decision 002). embedded-postgres.ts starts and supervises the server over them.
 */

export interface Binaries {
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

export interface RunAs {
  uid?: number;
  gid?: number;
}

export function postgresUser(): RunAs {
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
export async function runnableBinaries(runAs: RunAs): Promise<Binaries> {
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

export async function chownTree(dir: string, runAs: RunAs): Promise<void> {
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

export function run(cmd: string, args: string[], runAs: RunAs): Promise<string> {
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

/**
 * A data folder belongs to one PostgreSQL major version: started by another, the server refuses it
 * with a cryptic line. Say what happened and what to do instead.
 */
export async function assertSameMajor(bins: Binaries, dataDir: string): Promise<void> {
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
