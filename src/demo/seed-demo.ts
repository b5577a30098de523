import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabaseServer } from '../database/database-server.js';
import { credentialLines, demoSummary, seedDemo } from './demo-seeder.js';

/** `npm run seed:demo`: loads the demo data set into the configured database (embedded by default); idempotent. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), OUTBOX_WORKER_ENABLED: false, LOG_LEVEL: 'warn' as const };
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  const database = await openDatabaseServer(config, say);
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: database.url }), {
      logger: ['error', 'warn'],
    });
    try {
      const started = Date.now();
      const result = await seedDemo(app, say);
      if (result.loaded) say(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${demoSummary(result)}.`);
      for (const line of credentialLines(result)) say(line);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  const details = (error as { details?: unknown }).details;
  process.stderr.write(
    `Demo seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${details ? `\n${JSON.stringify(details)}` : ''}\n`,
  );
  process.exit(1);
});
