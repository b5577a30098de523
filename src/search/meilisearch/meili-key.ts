import { Meilisearch, type Key } from 'meilisearch';
import { classifyMeiliError } from './meili-errors.js';
import { OFFERINGS_INDEX } from './meili-settings.js';

/**
 * What the app does on Meilisearch, and nothing more: search, write documents, create and read
 * its index, apply its settings, and read tasks (without `tasks.get` no write can be awaited).
 */
export const APP_KEY_ACTIONS = ['search', 'documents.*', 'indexes.create', 'indexes.get', 'settings.*', 'tasks.get'] as const;

/** The app's indexes, and the contract suite's `offerings_test_*` ones when run with the app's key. */
export const APP_KEY_INDEXES = [`${OFFERINGS_INDEX}*`] as const;

/** Fixed, so the key is the same after every `up` (Meilisearch derives its value from uid and master key). */
export const APP_KEY_UID = '5d1c7a4e-3b2f-4c8d-9e6a-1f0b2c3d4e5f';

export interface ProvisionedKey {
  key: string;
  uid: string;
  /** What was done: the key already had this scope, was created, or was replaced (scope changed). */
  action: 'kept' | 'created' | 'replaced';
}

const sameScope = (key: Key): boolean =>
  [...key.actions].sort().join() === [...APP_KEY_ACTIONS].sort().join() &&
  [...key.indexes].sort().join() === [...APP_KEY_INDEXES].sort().join();

/**
 * Creates the app's scoped key with the master key, idempotently. A key's actions cannot be
 * changed in place, so one with another scope is deleted and created again (same uid, same value).
 */
export async function provisionAppKey(url: string, masterKey: string, timeoutMs = 5000): Promise<ProvisionedKey> {
  const client = new Meilisearch({ host: url, apiKey: masterKey, timeout: timeoutMs });
  const existing = await client.getKey(APP_KEY_UID).catch((error: unknown) => {
    if (error instanceof Error && 'cause' in error && (error.cause as { code?: string } | undefined)?.code === 'api_key_not_found')
      return null;
    throw new Error(`Cannot read the app's key: ${classifyMeiliError(error).detail}`);
  });
  if (existing && sameScope(existing)) return { key: existing.key, uid: existing.uid, action: 'kept' };
  if (existing) await client.deleteKey(APP_KEY_UID);
  const created = await client.createKey({
    uid: APP_KEY_UID,
    name: 'circuit-ia-app',
    description: 'Circuit IA application: catalogue search and indexing (created by the provisioning step).',
    actions: [...APP_KEY_ACTIONS],
    indexes: [...APP_KEY_INDEXES],
    expiresAt: null,
  });
  return { key: created.key, uid: created.uid, action: existing ? 'replaced' : 'created' };
}
