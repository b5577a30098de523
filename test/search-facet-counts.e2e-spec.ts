import { syntheticDocuments } from '../bench/support/offering-documents.js';
import { SearchFacetCounts1766500000000 } from '../migrations/1766500000000-search-facet-counts.js';
import { SearchNarrowRows1766700000000 } from '../migrations/1766700000000-search-narrow-rows.js';
import { SearchFacetCombos1766900000000 } from '../migrations/1766900000000-search-facet-combos.js';
import { SearchGinDirectUpdates1767000000000 } from '../migrations/1767000000000-search-gin-direct-updates.js';
import { FACETS, type Facet, type OfferingDocument } from '../src/search/offering-document.js';
import { type PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import { PLACE_FACETS, servedCounts } from '../src/search/served-facets.js';
import { usePostgresIndex } from './support/postgres-index.js';
import { revertAndReapply, tableCount, type TestApp } from './support/test-app.js';

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

  usePostgresIndex((app, search) => {
    t = app;
    index = search;
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
    // The later search migrations build on its table and triggers: they go and come back with it.
    await revertAndReapply(
      t,
      new SearchFacetCounts1766500000000(),
      async () => {
        expect(await tableCount(t, 'search_facet_count')).toBe(0);
      },
      { withLater: true },
    );
    expect(await counted()).toEqual(expectedFacets(docs.slice(0, 50)));
    await index.upsert(docs.slice(50));
    expect(await counted()).toEqual(expectedFacets(docs));
    await t.dataSource.query('TRUNCATE search_offering CASCADE');
    expect(await counted()).toEqual(expectedFacets([]));
    // Filters on combination facets alone count from the combinations' totals (decision 040).
    expect(await counted({ grades: ['A', 'B', 'C', 'D', 'E'] })).toEqual(expectedFacets([]));
  });

  it('keeps every document and its facets through the move of documents beside the searched rows, both ways', async () => {
    await index.clear();
    const docs = syntheticDocuments(60, 13);
    await index.upsert(docs.slice(0, 40));
    await revertAndReapply(
      t,
      new SearchNarrowRows1766700000000(),
      async () => {
        expect(await tableCount(t, 'search_document')).toBe(0);
        expect(await t.dataSource.query('SELECT count(doc)::int AS n FROM search_offering')).toEqual([{ n: 40 }]);
      },
      { withLater: true },
    );
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

  /** The distinct combinations of facet values of `docs`, as the search keys them. */
  const comboKeys = (docs: readonly OfferingDocument[]): string[] =>
    [
      ...new Set(
        docs.map((d) =>
          [d.national ? 'N' : `${d.regions.join(',')}|${d.departements.join(',')}`, d.useCases.join(','), d.grade, d.dataResidency].join(
            ' ',
          ),
        ),
      ),
    ].sort();
  const storedKeys = async (): Promise<string[]> =>
    (
      (await t.dataSource.query(
        "SELECT concat_ws(' ', area_key, use_cases_key, grade, data_residency) AS key FROM search_facet_combo ORDER BY 1",
      )) as { key: string }[]
    )
      .map((r) => r.key)
      .sort();

  it('keeps one combination per set of facet values, and drops those no offering has any more (decision 040)', async () => {
    await index.clear();
    const docs = syntheticDocuments(200, 17);
    await index.upsert(docs);
    expect(await storedKeys()).toEqual(comboKeys(docs));
    expect((await storedKeys()).length).toBeLessThan(docs.length);

    // New versions that move offerings, an older version with values of its own (ignored), removals.
    const moved = docs.slice(0, 50).map((d, i) => ({
      ...d,
      version: d.version + 1,
      national: i % 2 === 0,
      grade: 'E' as const,
      departements: ['2A', '2B'],
      regions: ['94'],
    }));
    await index.upsert(moved);
    await index.upsert([{ ...docs[60], version: docs[60].version - 1, grade: 'A' as const, useCases: ['NEVER_SEEN'] }]);
    await index.remove(docs.slice(150).map((d) => d.id));
    const current = [...moved, ...docs.slice(50, 150)];
    expect(await storedKeys()).toEqual(comboKeys(current));
    expect(await counted()).toEqual(expectedFacets(current));
    // Each combination's total, kept by the triggers, is its number of offerings.
    expect(
      await t.dataSource.query(
        `SELECT c.k, c.n FROM search_facet_combo c
          WHERE c.n <> (SELECT count(*) FROM search_offering s WHERE s.combo = c.k)`,
      ),
    ).toEqual([]);

    // Every facet filter, alone and together, with and without text, finds what the definition finds.
    const cases: { query: Record<string, unknown>; keep: (d: OfferingDocument) => boolean }[] = [
      {
        query: { useCases: ['DOC_PROCESSING', 'SALES_FORECAST'] },
        keep: (d) => d.useCases.some((u) => ['DOC_PROCESSING', 'SALES_FORECAST'].includes(u)),
      },
      { query: { region: '94' }, keep: (d) => d.national || d.regions.includes('94') },
      { query: { departement: '2A' }, keep: (d) => d.national || d.departements.includes('2A') },
      { query: { dataResidencies: ['FR', 'OTHER'] }, keep: (d) => ['FR', 'OTHER'].includes(d.dataResidency) },
      {
        query: { region: '93', grades: ['B', 'C'], requirements: ['GDPR_DPA'] },
        keep: (d) => (d.national || d.regions.includes('93')) && ['B', 'C'].includes(d.grade) && d.requirementsMet.includes('GDPR_DPA'),
      },
    ];
    for (const { query, keep } of cases) {
      expect(await counted(query)).toEqual(expectedFacets(current.filter(keep)));
      const texted = await counted({ ...query, q: 'factures' });
      const found = await index.search({ page: 1, pageSize: 200, q: 'factures' });
      const ids = new Set(found.items.map((i) => i.document.id));
      expect(texted).toEqual(expectedFacets(current.filter((d) => ids.has(d.id) && keep(d))));
    }

    await index.clear();
    expect(await storedKeys()).toEqual([]);
  });

  it('reverts the slimmer rows cleanly, both ways, with every document, facet and filter kept', async () => {
    await index.clear();
    const docs = syntheticDocuments(70, 19);
    await index.upsert(docs.slice(0, 50));
    await revertAndReapply(
      t,
      new SearchFacetCombos1766900000000(),
      async () => {
        expect(await tableCount(t, 'search_facet_combo')).toBe(0);
        // The facet values are back on every row, as the documents have them.
        const rows = (await t.dataSource.query('SELECT s.id, s.grade, s.national, s.use_cases FROM search_offering s ORDER BY s.id')) as {
          id: string;
          grade: string;
          national: boolean;
          use_cases: string[];
        }[];
        const byId = new Map(docs.map((d) => [d.id, d]));
        expect(rows).toHaveLength(50);
        for (const r of rows) {
          const d = byId.get(r.id)!;
          expect([r.grade, r.national, r.use_cases]).toEqual([d.grade, d.national, d.useCases]);
        }
        const texts = (await t.dataSource.query("SELECT count(*)::int AS n FROM search_offering WHERE search_text LIKE '%'")) as {
          n: number;
        }[];
        expect(texts).toEqual([{ n: 50 }]);
      },
      { withLater: true },
    );
    expect(await storedKeys()).toEqual(comboKeys(docs.slice(0, 50)));
    await index.upsert(docs.slice(50));
    expect(await counted()).toEqual(expectedFacets(docs));
    expect(await counted({ region: '84', grades: ['A', 'B', 'C', 'D', 'E'] })).toEqual(
      expectedFacets(docs.filter((d) => d.national || d.regions.includes('84'))),
    );
  });

  it('finds with the last-resort trigram match, which reads the phrase texts beside the documents (decision 040)', async () => {
    await index.clear();
    const docs = syntheticDocuments(200, 23);
    await index.upsert(docs);
    // No word as typed, no lexicon correction within the typo budget: only trigrams find it.
    const result = await index.search({ page: 1, pageSize: 5, q: 'zzdetection zzdefauts' });
    const expected = docs.filter((d) => d.title.startsWith('Détection de défauts sur ligne'));
    expect(expected.length).toBeGreaterThan(5);
    expect(result.items.every((i) => i.document.title.startsWith('Détection de défauts sur ligne'))).toBe(true);
    expect(result.items).toHaveLength(5);
    expect(result.total).toBeGreaterThanOrEqual(expected.length);
    // With a filter: the counts are those of what it finds.
    const filtered = await index.search({ page: 1, pageSize: 200, q: 'zzdetection zzdefauts', grades: ['A'] });
    const found = docs.filter((d) => filtered.items.some((i) => i.document.id === d.id));
    expect(found.every((d) => d.grade === 'A')).toBe(true);
    expect({ total: filtered.total, facets: filtered.facets }).toEqual(expectedFacets(found));
  });

  it('writes the search’s GIN indexes directly, with no pending list every search would read (decision 040)', async () => {
    const options = async (): Promise<Record<string, string[] | null>> =>
      Object.fromEntries(
        (
          (await t.dataSource.query(
            `SELECT relname, reloptions FROM pg_class
              WHERE relname IN ('search_offering_tsv_idx', 'search_offering_requirements_idx', 'search_document_trgm_idx')`,
          )) as { relname: string; reloptions: string[] | null }[]
        ).map((r) => [r.relname, r.reloptions]),
      );
    const off = {
      search_offering_tsv_idx: ['fastupdate=off'],
      search_offering_requirements_idx: ['fastupdate=off'],
      search_document_trgm_idx: ['fastupdate=off'],
    };
    expect(await options()).toEqual(off);
    await revertAndReapply(t, new SearchGinDirectUpdates1767000000000(), async () => {
      expect(Object.values(await options())).toEqual([null, null, null]);
    });
    expect(await options()).toEqual(off);
  });
});
