import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';
import { openDatabaseServer } from './database-server.js';
import { runMigrationsLocked } from './locked-migrations.js';

/** `npm run migration:run|revert|show`: the same data source as the app, on the same database. */
async function main(): Promise<void> {
  const action = process.argv[2] ?? 'run';
  if (!['run', 'revert', 'show'].includes(action)) throw new Error(`Unknown action "${action}": use run, revert or show.`);
  const config = loadConfig();
  const server = await openDatabaseServer(config, (m) => console.log(m));
  const dataSource = createDataSource(server.url, 2);
  try {
    await dataSource.initialize();
    if (action === 'run') {
      const applied = await runMigrationsLocked(dataSource);
      console.log(
        applied.length ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'No pending migration.',
      );
    } else if (action === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else {
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'Some migrations are pending.' : 'The database is up to date.');
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
