import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../../src/database/embedded-postgres.js';

/** Refuses any database that is not obviously a test one, so a test can never touch real data. */
export function assertTestDatabase(name: string): void {
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to use database "${name}" in tests: its name must contain "test".`);
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: clean data, no migration cost. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.CIRCUIT_TEST_SERVER_URL;
  const template = process.env.CIRCUIT_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('Test database server missing: run the tests with `npm test`.');
  const name = `${template.replace('template_', '')}_${randomBytes(5).toString('hex')}`;
  assertTestDatabase(name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        // Two files cloning the template at the same instant: PostgreSQL asks one to wait.
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return handle(serverUrl, name);
}

function handle(serverUrl: string, name: string): TestDatabase {
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A database with no table at all (not even the migrations'), e.g. the target of a restore. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.CIRCUIT_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('Test database server missing: run the tests with `npm test`.');
  const name = `circuit_test_empty_${randomBytes(5).toString('hex')}`;
  assertTestDatabase(name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return handle(serverUrl, name);
}
