import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const state = globalThis.__circuitTestServer;
  if (!state) return;
  await reportContract(state.contractDir);
  if (state.embedded) {
    await state.embedded.stop();
    if (state.tmpDir) await fs.rm(state.tmpDir, { recursive: true, force: true });
    return;
  }
  // On a shared server, leave nothing behind: the template and any clone a crashed file left.
  const admin = new pg.Client({ connectionString: state.serverUrl });
  await admin.connect();
  const prefix = state.template.replace('template_', '');
  const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [
    state.template,
    `${prefix}\\_%`,
  ]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  await admin.end();
}

/** Sums what each test file checked against the OpenAPI document; prints it and keeps it in test/artifacts. */
async function reportContract(dir) {
  if (!dir) return;
  const files = (await fs.readdir(dir)).filter((f) => f.startsWith('counts-'));
  const total = { testFiles: 0, validated: 0, outside: 0, operations: new Set() };
  for (const file of files) {
    const counts = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
    total.testFiles++;
    total.validated += counts.validated;
    total.outside += counts.outside;
    for (const key of counts.operations) total.operations.add(key);
  }
  await fs.rm(dir, { recursive: true, force: true });
  const summary = { ...total, operations: [...total.operations].sort(), at: new Date().toISOString() };
  process.stdout.write(
    `OpenAPI contract: ${summary.validated} API responses validated (${summary.operations.length} operation × status pairs) in ${summary.testFiles} test files; ${summary.outside} console or asset responses outside the document\n`,
  );
  await fs.mkdir('test/artifacts', { recursive: true });
  await fs.writeFile('test/artifacts/openapi-contract.json', `${JSON.stringify(summary, null, 2)}\n`);
}
