import fs from 'node:fs/promises';
import path from 'node:path';
import { DEV_JWT_SECRET, loadConfig } from '../config/app-config.js';
import { JWT_SECRET_FILE } from '../credentials/jwt-secret.js';
import { backupDatabase, BackupRefusal } from '../database/backup/backup.js';
import { openConfiguredDatabase } from '../database/backup/configured-database.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function defaultFile(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join('backups', `circuit-ia-${stamp}.dump`);
}

/** `npm run backup [FILE]`: a pg_dump custom-format archive of the configured database (embedded by default). */
async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? defaultFile());
  const config = loadConfig();
  try {
    await fs.access(file);
    throw new BackupRefusal(`${file} already exists: choose another name, a backup is never overwritten.`);
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const database = await openConfiguredDatabase(config, say);
  try {
    say(`Backing up ${config.DATABASE_URL ? 'DATABASE_URL' : 'the embedded database'} to ${file}…`);
    const report = await backupDatabase(database.url, file, config.PG_BIN_DIR);
    say(
      `Done in ${report.seconds.toFixed(1)} s: ${report.tables} tables, ${(report.bytes / 1024).toFixed(0)} KiB, with ${report.tool.version}.`,
    );
    say(
      config.JWT_SECRET === DEV_JWT_SECRET
        ? `Keep ${path.join(path.dirname(path.resolve(config.EMBEDDED_PG_DIR)), JWT_SECRET_FILE)} with it: it signs sessions and unsubscribe links.`
        : 'Keep your JWT_SECRET with it: it signs sessions and unsubscribe links.',
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof BackupRefusal ? 2 : 1);
});
