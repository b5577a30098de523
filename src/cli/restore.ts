import path from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { BackupRefusal, restoreDatabase } from '../database/backup/backup.js';
import { openConfiguredDatabase } from '../database/backup/configured-database.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** `npm run restore FILE`: restores an archive of `npm run backup` into the configured, empty database. */
async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new BackupRefusal('Usage: npm run restore -- FILE (a file written by npm run backup).');
  const file = path.resolve(arg);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, say);
  try {
    say(`Restoring ${file} into ${config.DATABASE_URL ? 'DATABASE_URL' : 'the embedded database'}…`);
    const report = await restoreDatabase(database.url, file, config.PG_BIN_DIR);
    say(`Done in ${report.seconds.toFixed(1)} s: ${report.tables} tables, ${report.rows} rows, with ${report.tool.version}.`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof BackupRefusal ? 2 : 1);
});
