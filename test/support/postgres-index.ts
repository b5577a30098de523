import { PostgresSearchIndex } from '../../src/search/postgres/postgres-search.index.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * For the enclosing `describe`: a test app and a PostgreSQL search index on its database, handed
 * to `use` before the tests; the catalogue cleared and the app closed after them.
 */
export function usePostgresIndex(use: (t: TestApp, index: PostgresSearchIndex) => void): void {
  let t: TestApp | undefined;
  let index: PostgresSearchIndex | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    index = new PostgresSearchIndex(t.dataSource);
    use(t, index);
  });
  afterAll(async () => {
    await index?.clear();
    await t?.close();
  });
}
