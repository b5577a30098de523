import { syntheticDocuments } from '../bench/support/offering-documents.js';
import { SearchGeneration1766800000000 } from '../migrations/1766800000000-search-generation.js';
import { GENERATION_READ, PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import type { OfferingDocument } from '../src/search/offering-document.js';
import type { CatalogueQuery } from '../src/search/search-index.port.js';
import { createTestApp, revertAndReapply, tableCount, type TestApp } from './support/test-app.js';

/**
 * Decision 037: each instance keeps catalogue results under the search generation it read before
 * computing them; any write to the catalogue, on any instance, bumps the generation and retires them.
 * Two PostgresSearchIndex objects on one database stand for two app instances.
 */
describe('PostgreSQL search: results kept until the catalogue changes (decision 037)', () => {
  let t: TestApp;
  let here: PostgresSearchIndex;
  let elsewhere: PostgresSearchIndex;
  let queries: string[];
  const docs = syntheticDocuments(120, 23);
  const ids = (result: { items: { document: { id: string } }[] }) => result.items.map((i) => i.document.id);
  const query = (partial: Partial<CatalogueQuery> = {}): CatalogueQuery => ({ page: 1, pageSize: 50, ...partial });
  const generation = async () => Number((await t.dataSource.query('SELECT n FROM search_generation'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    here = new PostgresSearchIndex(t.dataSource, { cacheEntries: 3 });
    elsewhere = new PostgresSearchIndex(t.dataSource, { cacheEntries: 3 });
    // Every statement the adapters send, to tell a kept result (one read of the generation) from a computed one.
    queries = [];
    const original = t.dataSource.query.bind(t.dataSource);
    t.dataSource.query = ((...args: Parameters<typeof original>) => {
      queries.push(args[0]);
      return original(...args);
    }) as typeof t.dataSource.query;
  });
  afterAll(async () => {
    await here?.clear();
    await t?.close();
  });
  beforeEach(async () => {
    await here.clear();
    await here.upsert(docs.slice(0, 100));
    queries.length = 0;
  });

  /** The statements one search sent. */
  const sent = async (index: PostgresSearchIndex, q: CatalogueQuery) => {
    queries.length = 0;
    const result = await index.search(q);
    return { result, statements: [...queries] };
  };

  it('answers a query asked again from the cache, with the same result, after reading only the generation', async () => {
    const first = await sent(here, query({ q: 'courrier', grades: ['A', 'B', 'C'] }));
    expect(first.statements.length).toBeGreaterThan(1);
    const again = await sent(here, query({ grades: ['A', 'B', 'C'], q: 'courrier' }));
    expect(again.statements).toEqual([GENERATION_READ]);
    expect(again.result).toEqual(first.result);
    // Another page, another query.
    expect((await sent(here, query({ q: 'courrier', grades: ['A', 'B', 'C'], page: 2 }))).statements.length).toBeGreaterThan(1);
  });

  it('serves what another instance wrote at once: an insert, a new version, a removal, clearing', async () => {
    const before = await here.search(query());
    expect(before.total).toBe(100);
    await elsewhere.upsert(docs.slice(100));
    expect((await here.search(query())).total).toBe(120);

    const moved = { ...docs[0], version: docs[0].version + 1, grade: (docs[0].grade === 'A' ? 'E' : 'A') as OfferingDocument['grade'] };
    const grade = (await here.search(query({ grades: [moved.grade] }))).total;
    await elsewhere.upsert([moved]);
    expect((await here.search(query({ grades: [moved.grade] }))).total).toBe(grade + 1);

    const found = ids(await here.search(query({ q: docs[1].title })));
    expect(found).toContain(docs[1].id);
    await elsewhere.remove([docs[1].id]);
    expect(ids(await here.search(query({ q: docs[1].title })))).not.toContain(docs[1].id);

    await elsewhere.clear();
    expect((await here.search(query())).total).toBe(0);
  });

  it('bumps the generation on every kind of write, the lexicon’s pruning and TRUNCATE included, and not on a search', async () => {
    let n = await generation();
    await here.search(query({ q: 'courrier' }));
    expect(await generation()).toBe(n);
    await here.upsert([{ ...docs[2], version: docs[2].version + 1 }]);
    expect(await generation()).toBeGreaterThan(n);
    // A word only this offering had leaves the lexicon after its removal: corrections change too.
    await here.upsert([{ ...docs[3], id: '00000000-0000-4000-8000-00000000c0de', title: 'Xylographie quantique' }]);
    n = await generation();
    await here.remove(['00000000-0000-4000-8000-00000000c0de']);
    expect(await generation()).toBeGreaterThanOrEqual(n + 2);
    expect(await t.dataSource.query("SELECT word FROM search_word WHERE word = 'xylographie'")).toEqual([]);
    n = await generation();
    await t.dataSource.query('TRUNCATE search_offering CASCADE');
    expect(await generation()).toBe(n + 1);
  });

  it('keeps at most its capacity, the least recently used going first', async () => {
    const a = query({ q: 'courrier' });
    const b = query({ q: 'mairie' });
    const c = query({ q: 'classement' });
    const d = query({ grades: ['A'] });
    for (const q of [a, b, c]) await here.search(q);
    await here.search(a); // a is now the most recent: b goes when d comes
    await here.search(d);
    expect((await sent(here, a)).statements).toHaveLength(1);
    expect((await sent(here, c)).statements).toHaveLength(1);
    expect((await sent(here, b)).statements.length).toBeGreaterThan(1);
  });

  it('hands out copies: a caller changing its result does not change the next one', async () => {
    const first = await here.search(query({ q: 'courrier' }));
    const total = first.total;
    first.items.length = 0;
    first.facets.grade.A = -1;
    const again = await here.search(query({ q: 'courrier' }));
    expect(again.items.length).toBeGreaterThan(0);
    expect(again.total).toBe(total);
    expect(again.facets.grade.A).not.toBe(-1);
  });

  it('keeps nothing with no capacity: every search is computed', async () => {
    const uncached = new PostgresSearchIndex(t.dataSource, { cacheEntries: 0 });
    await uncached.search(query({ q: 'courrier' }));
    const again = await sent(uncached, query({ q: 'courrier' }));
    // The generation row is read for the synonym table (decision 040), and the search computed.
    expect(again.statements[0]).toBe(GENERATION_READ);
    expect(again.statements.length).toBeGreaterThan(1);
  });

  it('reverts cleanly', async () => {
    // The later search migrations go and come back with it (one adds a column to its table).
    await revertAndReapply(
      t,
      new SearchGeneration1766800000000(),
      async () => {
        expect(await tableCount(t, 'search_generation')).toBe(0);
      },
      { withLater: true },
    );
    // Started again from 0 (the later migrations' backfills write to the offerings, and count).
    const reapplied = await generation();
    expect(reapplied).toBeLessThan(5);
    await here.upsert([docs[4]]);
    expect(await generation()).toBeGreaterThan(reapplied);
  });
});
