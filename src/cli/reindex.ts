import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { createLogger, PinoNestLogger } from '../common/logging/logger.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabaseServer } from '../database/database-server.js';
import { SearchIndexer } from '../search/search-indexer.js';
import { chooseBackend } from '../config/config-slices.js';

/** `npm run reindex`: rebuilds the active search backend from PostgreSQL, with progress and a summary. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), OUTBOX_WORKER_ENABLED: false };
  const logger = createLogger({ LOG_LEVEL: 'warn' });
  const server = await openDatabaseServer(config, (m) => console.log(m));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: server.url }), {
    logger: new PinoNestLogger(logger),
  });
  try {
    console.log(`Reindexing the ${chooseBackend(config)} search backend from PostgreSQL…`);
    const report = await app.get(SearchIndexer).reindex((done) => process.stdout.write(`\r  ${done} published offerings indexed`));
    process.stdout.write('\n');
    console.log(`Done in ${report.seconds.toFixed(1)} s: ${report.indexed} offerings indexed, ${report.removed} stale documents removed.`);
  } finally {
    await app.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
