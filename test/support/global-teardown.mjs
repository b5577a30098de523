import fs from 'node:fs/promises';
import pg from 'pg';

export default async function globalTeardown() {
  const state = globalThis.__circuitTestServer;
  if (!state) return;
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
