// Jest runs global setup outside its ESM module system, so this file imports the built code
// (`npm test` builds first with swc, in about a second).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../dist/src/database/data-source.js';
import { freePort, startEmbeddedPostgres, withDatabase } from '../../dist/src/database/embedded-postgres.js';
import { loadConfig } from '../../dist/src/config/app-config.js';
import { buildPreviewOpenApiDocument } from '../../dist/src/openapi/preview-document.js';

/**
 * One PostgreSQL for the whole run (embedded, or DATABASE_URL's server), and a template database
 * migrated once; every test file clones it (test/support/test-database.ts).
 */
export default async function globalSetup() {
  const started = Date.now();
  let serverUrl;
  let embedded;
  let tmpDir;
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-test-'));
    await fs.chmod(tmpDir, 0o755);
    let output = '';
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(tmpDir, 'data'),
      port: await freePort(),
      user: 'circuit_test',
      password: 'circuit_test',
      // A throw-away cluster: durability buys nothing here and costs seconds.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
      onLog: (line) => (output += line),
    }).catch((error) => {
      throw new Error(`Embedded PostgreSQL for tests failed to start: ${String(error)}\n${output}`);
    });
    serverUrl = embedded.url;
  }

  // The name contains "test": test/support/test-database.ts refuses any database without it.
  const template = `circuit_test_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const dataSource = createDataSource(withDatabase(serverUrl, template), 2);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const contractDir = await writeOpenApiDocument();

  globalThis.__circuitTestServer = { embedded, tmpDir, serverUrl, template, contractDir };
  process.env.CIRCUIT_TEST_SERVER_URL = serverUrl;
  process.env.CIRCUIT_TEST_TEMPLATE = template;
  process.env.CIRCUIT_TEST_OPENAPI_DIR = contractDir;
  process.stdout.write(
    `\nTest database: ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL server'}, template ${template} migrated in ${Date.now() - started} ms\n`,
  );
}

/**
 * The OpenAPI document, built once for the run: every test app checks its JSON answers against it
 * (test/support/openapi-contract.ts), and each test file leaves its counts beside it.
 */
async function writeOpenApiDocument() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'circuit-ia-openapi-'));
  const document = await buildPreviewOpenApiDocument(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  await fs.writeFile(path.join(dir, 'openapi.json'), JSON.stringify(document));
  return dir;
}
