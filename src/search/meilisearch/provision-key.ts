import { rename, writeFile } from 'node:fs/promises';
import { provisionAppKey } from './meili-key.js';

/**
 * `node dist/src/search/meilisearch/provision-key.js`: the one-shot step of docker-compose that
 * creates the app's scoped Meilisearch key with the master key and writes it to a file the app
 * reads at start. It reads its variables itself: the master key must never enter the app's config.
 */
async function main(): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- see above: not the app's configuration
  const env = process.env;
  const url = env.MEILI_URL;
  const masterKey = env.MEILI_MASTER_KEY;
  const file = env.MEILI_API_KEY_FILE;
  if (!url || !masterKey || !file) throw new Error('MEILI_URL, MEILI_MASTER_KEY and MEILI_API_KEY_FILE are required.');
  const attempts = Number(env.MEILI_PROVISION_ATTEMPTS ?? 10);
  for (let attempt = 1; ; attempt++) {
    try {
      const provisioned = await provisionAppKey(url, masterKey);
      // Written then renamed: the app never reads half a key.
      await writeFile(`${file}.tmp`, provisioned.key, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
      console.log(`Meilisearch key ${provisioned.uid} ${provisioned.action}; written to ${file}.`);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.log(`Meilisearch not ready (${error instanceof Error ? error.message : String(error)}); retrying in 2 s…`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(`Key provisioning failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
