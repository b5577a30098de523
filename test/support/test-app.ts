import 'reflect-metadata';
import type { ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, type MigrationInterface } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../../src/app.setup.js';
import { createLogger } from '../../src/common/logging/logger.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { checkResponsesAgainstOpenApi } from './contract-check.js';
import { migrations } from '../../migrations/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** The raw Node server, for Supertest. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  dataSource: DataSource;
  database: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

/** Boots the whole AppModule in-process on a database of its own, exactly as main.ts does. */
export interface TestAppOptions {
  env?: Record<string, string>;
  /** Extra modules, e.g. a probe controller that injects a fault. */
  imports?: ModuleMetadata['imports'];
  /** Providers replaced by a value, e.g. a mail transport that fails on purpose. */
  overrides?: { provide: unknown; useValue: unknown }[];
  /** A database of the test's own (e.g. on a server it stops on purpose), already migrated. */
  database?: TestDatabase;
}

export async function createTestApp({ env = {}, imports = [], overrides = [], database: given }: TestAppOptions = {}): Promise<TestApp> {
  const database = given ?? (await createTestDatabase());
  // The outbox worker is driven by hand in tests (`OutboxWorker.drain()`), so results are deterministic.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MIGRATIONS_RUN: 'false',
    OUTBOX_WORKER_ENABLED: 'false',
    // Reminders run by hand too (`IntroductionRemindersJob.runOnce(now)`).
    REMINDERS_ENABLED: 'false',
    RETENTION_ENABLED: 'false',
    // Lead digests too (`LeadDigestJob.runOnce(now)`).
    LEAD_DIGESTS_ENABLED: 'false',
    EVIDENCE_EXPIRY_ENABLED: 'false',
    // And the business-meetings deadlines (`RegistrationDeadlineJob.runOnce(now)`).
    EVENT_DEADLINES_ENABLED: 'false',
    // Tests register and log in many users from one address; the rate-limit test lowers it again.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const builder = Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url }), ...imports],
  });
  for (const o of overrides) builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config, createLogger(config)), {
    logger: false,
  });
  checkResponsesAgainstOpenApi(app.getHttpAdapter().getInstance());
  await configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    server: app.getHttpServer(),
    dataSource: app.get(DataSource),
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** How many tables named `name` the test database has (0 or 1): for migrations reverted and reapplied. */
export async function tableCount(t: TestApp, name: string): Promise<number> {
  return ((await t.dataSource.query('SELECT count(*)::int AS n FROM pg_tables WHERE tablename = $1', [name])) as { n: number }[])[0].n;
}

/**
 * Reverts `migration` on the test database, runs `between` on the schema without it, then applies it
 * again. With `withLater`, every later migration is reverted first (newest first) and re-applied
 * after, as TypeORM would: for a migration whose tables later ones reference.
 */
export async function revertAndReapply(
  t: TestApp,
  migration: MigrationInterface,
  between: () => Promise<void>,
  { withLater = false }: { withLater?: boolean } = {},
): Promise<void> {
  const index = migrations.findIndex((M) => migration instanceof M);
  const later = withLater && index >= 0 ? migrations.slice(index + 1).map((M) => new M()) : [];
  const runner = t.dataSource.createQueryRunner();
  try {
    for (const m of [...later].reverse()) await m.down(runner);
    await migration.down(runner);
    await between();
    await migration.up(runner);
    for (const m of later) await m.up(runner);
  } finally {
    await runner.release();
  }
}
