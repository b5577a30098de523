import type { DataSource, Migration } from 'typeorm';

/** Any constant: every instance of the app, and the migration CLI, takes the same one. */
export const MIGRATION_LOCK_KEY = 2_102_100_021;

/**
 * Applies pending migrations under a PostgreSQL advisory lock. TypeORM takes none, so instances
 * booting together on a new release would each run the same migration and all but one would fail
 * to start; with the lock they queue, and the later ones find nothing pending. The lock is held on
 * a session of its own and released even when a migration fails.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
