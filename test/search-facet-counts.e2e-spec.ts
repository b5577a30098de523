import { syntheticDocuments } from '../bench/support/offering-documents.js';
import { SearchFacetCounts1766500000000 } from '../migrations/1766500000000-search-facet-counts.js';
import { SearchNarrowRows1766700000000 } from '../migrations/1766700000000-search-narrow-rows.js';
import { FACETS, type Facet, type OfferingDocument } from '../src/search/offering-document.js';
import { PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import { PLACE_FACETS, servedCounts } from '../src/search/served-facets.js';
import { createTestApp, revertAndReapply, type TestApp } from './support/test-app.js';

/**
 * Decision 031: the PostgreSQL backend counts facets in one grouping-sets pass over the matched
 * offerings, and reads the whole catalogue's counts from `search_facet_count`, kept by triggers.
 * Both must give exactly the counts of the definition: every matched offering, once per value it
 * lists, places over the offerings that are not national, national ones added to every place.
 */
function expectedFacets(docs: readonly OfferingDocument[]): { total: number; facets: Record<Facet, Record<string, number>> } {
  const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as Record<Facet, Record<string, number>>;
  const add = (facet: Facet, value: string | null | undefined): void => {
    if (value === null || value === undefined) return;
    facets[facet][value] = (facets[facet][value] ?? 0) + 1;
  };
  for (const d of docs) {
    for (const u of d.useCases) add('useCases', u);
    if (!d.national) for (const r of d.regions) add('regions', r);
    if (!d.national) for (const dep of d.departements) add('departements', dep);
    add('grade', d.grade);
    add('dataResidency', d.dataResidency);
  }
  const national = docs.filter((d) => d.national).length;
  for (const facet of PLACE_FACETS) facets[facet] = servedCounts(facet, facets[facet], national);
  return { total: docs.length, facets };
}

describe('PostgreSQL search: facet counts (decision 031)', () => {
  let t: TestApp;
  let index: PostgresSearchIndex;
  const counted = async (query: Record<string, unknown> = {}) => {
    const result = await index.search({ page: 1, pageSize: 5, ...query });
    return { total: result.total, facets: result.facets };
  };

  beforeAll(async () => {
    t = await createTestApp();
    index = new PostgresSearchIndex(t.dataSource);
  });
  afterAll(async () => {
    await index?.clear();
    await t?.close();
  });

  it('keeps the whole catalogue’s counts through inserts, updates, removals and clearing, as the definition counts them', async () => {
    await index.clear();
    const docs = syntheticDocuments(300, 7);
    await index.upsert(docs.slice(0, 200));
    await index.upsert(docs.slice(150));
    expect(await counted()).toEqual(expectedFacets(docs));

    // New versions that move offerings between places, grades and use cases; an older version is ignored.
    const moved = docs.slice(0, 60).map((d, i) => ({
      ...d,
      version: d.version + 1,
      national: i % 3 === 0 ? !d.national : d.national,
      regions: i % 2 === 0 ? ['84'] : d.regions,
      departements: i % 2 === 0 ? ['01', '38', '01'] : d.departements,
      grade: i % 4 === 0 ? ('E' as const) : d.grade,
      useCases: i % 5 === 0 ? ['CHATBOT_CUSTOMER'] : d.useCases,
    }));
    await index.upsert(moved);
    await index.upsert(docs.slice(0, 10));
    const current = [...moved, ...docs.slice(60)];
    expect(await counted()).toEqual(expectedFacets(current));

    const removed = new Set(current.slice(100, 140).map((d) => d.id));
    await index.remove([...removed]);
    const left = current.filter((d) => !removed.has(d.id));
    expect(await counted()).toEqual(expectedFacets(left));

    // The matched-offerings pass gives the same counts as the definition, for a filter and for text.
    expect(await counted({ region: '84' })).toEqual(expectedFacets(left.filter((d) => d.national || d.regions.includes('84'))));
    expect(await counted({ grades: ['A', 'E'] })).toEqual(expectedFacets(left.filter((d) => d.grade === 'A' || d.grade === 'E')));

    await index.clear();
    expect(await counted()).toEqual(expectedFacets([]));
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM search_facet_count WHERE n > 0')).toEqual([{ n: 0 }]);
  });

  it('reads a text search’s ranked page in the counting pass, in the order the page query gives', async () => {
    await index.clear();
    const docs = syntheticDocuments(300, 5);
    await index.upsert(docs);
    // Words outside the synonym table: searched as typed.
    for (const q of ['courrier', 'mairie', 'classement']) {
      const all = (
        (await t.dataSource.query(
          `SELECT id FROM search_offering s WHERE s.tsv @@ websearch_to_tsquery('french', unaccent($1))
            ORDER BY ts_rank(s.tsv, websearch_to_tsquery('french', unaccent($1))) DESC, s.published_at DESC, s.id`,
          [q.toLowerCase()],
        )) as { id: string }[]
      ).map((r) => r.id);
      expect(all.length).toBeGreaterThan(6);
      for (const page of [1, 2, 3]) {
        const result = await index.search({ q, page, pageSize: 3 });
        expect(result.total).toBe(all.length);
        expect(result.items.map((i) => i.document.id)).toEqual(all.slice((page - 1) * 3, page * 3));
      }
      expect((await counted({ q })).facets).toEqual(expectedFacets(docs.filter((d) => all.includes(d.id))).facets);
    }
  });

  it('reverts cleanly, and counts the offerings indexed before it', async () => {
    await index.clear();
    const docs = syntheticDocuments(80, 11);
    await index.upsert(docs.slice(0, 50));
    await revertAndReapply(t, new SearchFacetCounts1766500000000(), async () => {
      expect(await t.dataSource.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'search_facet_count'")).toEqual([
        { n: 0 },
      ]);
      await index.upsert(docs.slice(50));
    });
    expect(await counted()).toEqual(expectedFacets(docs));
    await t.dataSource.query('TRUNCATE search_offering CASCADE');
    expect(await counted()).toEqual(expectedFacets([]));
  });

  it('keeps every document and its facets through the move of documents beside the searched rows, both ways', async () => {
    await index.clear();
    const docs = syntheticDocuments(60, 13);
    await index.upsert(docs.slice(0, 40));
    await revertAndReapply(t, new SearchNarrowRows1766700000000(), async () => {
      expect(await t.dataSource.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'search_document'")).toEqual([{ n: 0 }]);
      expect(await t.dataSource.query('SELECT count(doc)::int AS n FROM search_offering')).toEqual([{ n: 40 }]);
    });
    // Every document came back, and the keys the counting groups on were filled from the arrays.
    const all = await index.search({ page: 1, pageSize: 100 });
    const brief = (d: OfferingDocument) => `${d.id} ${d.title}`;
    expect(all.items.map((i) => brief(i.document)).sort()).toEqual(docs.slice(0, 40).map(brief).sort());
    await index.upsert(docs.slice(40));
    // A filter every offering passes: the grouping pass over the keys, not the triggers' table.
    expect(await counted({ grades: ['A', 'B', 'C', 'D', 'E'] })).toEqual(expectedFacets(docs));
    await index.remove(docs.slice(0, 10).map((d) => d.id));
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM search_document')).toEqual([{ n: 50 }]);
    expect(await counted({ grades: ['A', 'B', 'C', 'D', 'E'] })).toEqual(expectedFacets(docs.slice(10)));
  });
});
