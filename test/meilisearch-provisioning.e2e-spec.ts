import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { APP_KEY_ACTIONS, APP_KEY_INDEXES, APP_KEY_UID, provisionAppKey } from '../src/search/meilisearch/meili-key.js';
import { MeilisearchSearchIndex } from '../src/search/meilisearch/meilisearch-search.index.js';
import { FakeMeilisearch } from './support/fake-meilisearch.js';
import { offeringDocument } from './support/offering-document.js';

/** The one-shot step of docker-compose that gives the app its scoped key (never the master key). */
describe('Meilisearch key provisioning', () => {
  let fake: FakeMeilisearch;
  beforeEach(async () => {
    fake = await new FakeMeilisearch().start();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('creates the scoped key once, keeps it on the next run, and the app works with it', async () => {
    const first = await provisionAppKey(fake.url, fake.masterKey);
    expect(first).toMatchObject({ uid: APP_KEY_UID, action: 'created' });
    expect(fake.keys.get(APP_KEY_UID)).toMatchObject({ actions: [...APP_KEY_ACTIONS], indexes: [...APP_KEY_INDEXES], expiresAt: null });
    expect(await provisionAppKey(fake.url, fake.masterKey)).toEqual({ ...first, action: 'kept' });

    const index = new MeilisearchSearchIndex(fake.url, first.key, 'offerings', { retryPrepareAfterMs: 0 });
    await index.prepare();
    await index.upsert([offeringDocument(1, {})]);
    expect((await index.search({ page: 1, pageSize: 20 })).total).toBe(1);
    expect(await index.health()).toEqual({ backend: 'meilisearch', ok: true });
    // The scoped key cannot manage keys: the app holding it cannot mint a stronger one.
    const keys = await fetch(`${fake.url}/keys`, { headers: { authorization: `Bearer ${first.key}` } });
    expect(keys.status).toBe(403);
  });

  it('replaces a key of the same uid whose scope is not the one the app needs, keeping its value', async () => {
    const stale = fake.addKey(['search'], ['offerings'], APP_KEY_UID);
    const provisioned = await provisionAppKey(fake.url, fake.masterKey);
    expect(provisioned).toEqual({ uid: APP_KEY_UID, key: stale, action: 'replaced' });
    expect(fake.keys.get(APP_KEY_UID)?.actions).toEqual([...APP_KEY_ACTIONS]);
  });

  it('refuses a wrong master key with a clear message', async () => {
    await expect(provisionAppKey(fake.url, 'not-the-master-key-000')).rejects.toThrow(/refused the API key/);
  });

  it('runs from dist as the compose step does, writing the key to a private file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'meili-key-'));
    try {
      const file = path.join(dir, 'key');
      // Asynchronous: the fake server answers from this very process.
      const run = await promisify(execFile)(process.execPath, ['dist/src/search/meilisearch/provision-key.js'], {
        env: { PATH: process.env.PATH, MEILI_URL: fake.url, MEILI_MASTER_KEY: fake.masterKey, MEILI_API_KEY_FILE: file },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.stderr).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(fake.keys.get(APP_KEY_UID)?.key);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(run.stdout).toContain(`${APP_KEY_UID} created`);
      expect(run.stdout).not.toContain(readFileSync(file, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
