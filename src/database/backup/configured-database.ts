import pg from 'pg';
import type { AppConfig } from '../../config/app-config.js';
import { EMBEDDED_DATABASE, EMBEDDED_PASSWORD, EMBEDDED_USER, openDatabaseServer, type DatabaseServer } from '../database-server.js';

/** Whether a PostgreSQL answers at this address within a second and a half. */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The configured database for a maintenance command: DATABASE_URL when set; else the embedded
 * server of a running `npm start` (used as it is, never stopped); else the embedded server started
 * for the command and stopped after it.
 */
export async function openConfiguredDatabase(config: AppConfig, say: (m: string) => void): Promise<DatabaseServer> {
  if (!config.DATABASE_URL) {
    const running = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${config.EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;
    if (await answers(running)) {
      say(`Using the embedded PostgreSQL already running on 127.0.0.1:${config.EMBEDDED_PG_PORT}.`);
      return { url: running, embedded: true, stop: async () => undefined };
    }
  }
  return openDatabaseServer(config, say);
}
