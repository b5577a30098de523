import type { AppConfig } from '../config/app-config.js';
import { resolveDataDir } from './embedded-postgres-files.js';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from './embedded-postgres.js';

export const EMBEDDED_DATABASE = 'circuit_ia';
/** The embedded server listens on 127.0.0.1 only; these credentials never leave the machine. */
export const EMBEDDED_USER = 'circuit';
export const EMBEDDED_PASSWORD = 'circuit-local-only';

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the app uses: `DATABASE_URL` when set, else an embedded PostgreSQL whose data is
 * kept in EMBEDDED_PG_DIR across restarts.
 */
export async function openDatabaseServer(
  config: AppConfig,
  say: (message: string) => void,
  options: { ownProcessGroup?: boolean } = {},
): Promise<DatabaseServer> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const { dataDir, fallback } = resolveDataDir(config.EMBEDDED_PG_DIR);
  if (fallback) {
    say(`The postgres system user cannot reach ${config.EMBEDDED_PG_DIR}; embedded data kept in ${dataDir} instead.`);
  }
  const started = Date.now();
  let output = '';
  const server = await startEmbeddedPostgres({
    dataDir,
    port: config.EMBEDDED_PG_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    onLog: (line) => (output = (output + line).slice(-20_000)),
    // Killed or crashed, it is restarted (crash recovery); the pool reconnects on its own.
    supervise: true,
    onRestart: ({ exitCode, signal, restarted, error }) =>
      say(
        restarted
          ? `Embedded PostgreSQL exited (code ${exitCode}, signal ${signal}); restarted.`
          : `Embedded PostgreSQL restart failed, retrying: ${String(error)}`,
      ),
    onShutDown: () => say('Embedded PostgreSQL was shut down from outside the app; start the app again to bring it back.'),
    // Only a caller that handles SIGINT itself (the app) may keep the server out of Ctrl-C's reach.
    ownProcessGroup: options.ownProcessGroup,
  }).catch((error: unknown) => {
    throw new Error(`Embedded PostgreSQL failed to start in ${dataDir}: ${String(error)}\n${output}`);
  });
  await ensureDatabase(server.url, EMBEDDED_DATABASE);
  say(`Embedded PostgreSQL ready on 127.0.0.1:${server.port} (data in ${dataDir}) in ${Date.now() - started} ms.`);
  return { url: withDatabase(server.url, EMBEDDED_DATABASE), embedded: true, stop: server.stop };
}
