import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { configureApp, createFastifyAdapter } from './app.setup.js';
import { createLogger, PinoNestLogger } from './common/logging/logger.js';
import { ConfigValidationError, loadConfig } from './config/app-config.js';
import { openDatabaseServer } from './database/database-server.js';
import { demoDataWanted } from './demo/demo-policy.js';
import { credentialLines, databaseIsEmpty, seedDemo } from './demo/demo-seeder.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const say = (message: string): void => logger.info(message);

  // The embedded PostgreSQL is started here, outside the Nest module graph, so that shutdown
  // order is ours: the app drains first, then the database stops. In a process group of its own,
  // the server does not receive the terminal's Ctrl-C; the handlers below stop it.
  // The handlers are in place before it starts: a Ctrl-C during start-up stops it too.
  const opening = openDatabaseServer(config, say, { ownProcessGroup: true });
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing in-flight requests, then stopping.`);
    const force = setTimeout(() => {
      logger.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      await app?.close();
      const database = await opening.catch(() => undefined);
      await database?.stop();
      say('Stopped cleanly.');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Error during shutdown');
      process.exit(1);
    }
  };
  // `on`, not `once`: under `npm start` the signal can arrive twice (the group and npm's forward),
  // and a second default-handled SIGINT would kill the process before PostgreSQL is stopped.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const database = await opening;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ config, databaseUrl: database.url }),
      createFastifyAdapter(config, logger),
      { logger: new PinoNestLogger(logger) },
    );
    await configureApp(app, config);
    if (demoDataWanted(config, database.embedded) && (await databaseIsEmpty(app))) {
      say('Empty database: loading the demo data set (DEMO_DATA=false to skip).');
      const result = await seedDemo(app, say);
      for (const line of credentialLines(result)) say(line);
    }
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  say(`Circuit IA API listening on http://${shown}:${config.PORT}`);
  if (config.DOCS_ENABLED) say(`API documentation: http://${shown}:${config.PORT}/docs (OpenAPI JSON at /docs/openapi.json)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Circuit IA failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
