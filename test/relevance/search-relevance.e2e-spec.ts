import { randomUUID } from 'node:crypto';
import { readCorpus } from '../../bench/support/relevance-corpus.js';
import {
  readSearchQueries,
  recallAt,
  SEARCH_TARGETS,
  searchFigures,
  firstRelevantRank,
  type SearchRun,
} from '../../bench/support/search-metrics.js';
import { referenceData } from '../../src/reference/data/reference-data.js';
import { MeilisearchSearchIndex } from '../../src/search/meilisearch/meilisearch-search.index.js';
import type { OfferingDocument } from '../../src/search/offering-document.js';
import { PostgresSearchIndex } from '../../src/search/postgres/postgres-search.index.js';
import type { SearchIndex } from '../../src/search/search-index.port.js';
import { offeringDocument } from '../support/offering-document.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/*
 * The judged catalogue search set (test/relevance/search-queries.json, issue 22) over the
 * offerings of the judged relevance corpus, straight on each search backend (PostgreSQL always,
 * Meilisearch with MEILI_URL): recall@5, MRR and the zero-result rate against the targets.
 * `npm run bench:relevance` prints the same figures through the HTTP API.
 */
const { corpus } = readCorpus();
const queries = readSearchQueries();
const labels = new Map(referenceData().useCases.map((u) => [u.code as string, u.label]));
const vendors = new Map(corpus.vendors.map((v) => [v.key, v.name]));

const documents: { key: string; document: OfferingDocument }[] = corpus.offerings.map((o, i) => ({
  key: o.key,
  document: offeringDocument(i + 1, {
    title: o.title,
    summary: o.summary,
    description: o.description,
    vendorName: vendors.get(o.vendor) ?? o.vendor,
    useCases: o.useCases,
    useCaseLabels: o.useCases.map((u) => labels.get(u) ?? u),
    sectors: o.sectors,
    national: o.serviceArea.national,
    regions: o.serviceArea.regions,
    departements: o.serviceArea.departements,
  }),
}));
const keyOf = new Map(documents.map((d) => [d.document.id, d.key]));

describe('judged search set: integrity', () => {
  it('has at least 30 queries, each with relevant offerings of the corpus and none of the adversarial ones', () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    const adversarial = new Set(corpus.offerings.filter((o) => o.adversarial).map((o) => o.key));
    for (const q of queries) {
      expect(q.relevant.length).toBeGreaterThan(0);
      for (const key of q.relevant) expect([q.q, keyOf.size > 0 && documents.some((d) => d.key === key)]).toEqual([q.q, true]);
      expect(q.relevant.filter((key) => adversarial.has(key))).toEqual([]);
    }
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });

  it('measures recall@5 over min(5, relevant), MRR from the first relevant rank, and zero results', () => {
    const run = (ranked: string[], relevant: string[], total = ranked.length): SearchRun => ({ q: ranked.join(), ranked, relevant, total });
    expect(recallAt(run(['a', 'x', 'b'], ['a', 'b']), 5)).toBe(1);
    expect(recallAt(run(['x', 'x', 'x', 'x', 'x', 'a'], ['a']), 5)).toBe(0);
    expect(recallAt(run(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd', 'e', 'f']), 5)).toBe(1);
    expect(firstRelevantRank(run(['x', 'a'], ['a']))).toBe(2);
    const figures = searchFigures([run(['x', 'a'], ['a']), run([], ['b'])]);
    expect(figures).toMatchObject({ queries: 2, recall5: 0.5, mrr: 0.25, zeroResultRate: 0.5 });
  });
});

const backends: [string, (t: TestApp) => SearchIndex][] = [['postgres', (t) => new PostgresSearchIndex(t.dataSource)]];
if (process.env.MEILI_URL) {
  backends.push([
    'meilisearch',
    () => new MeilisearchSearchIndex(process.env.MEILI_URL as string, process.env.MEILI_API_KEY, `offerings_judged_${randomUUID()}`),
  ]);
}

describe.each(backends)('judged search set on %s', (name, make) => {
  let t: TestApp;
  let index: SearchIndex;

  beforeAll(async () => {
    t = await createTestApp();
    index = make(t);
    await index.prepare();
    await index.upsert(documents.map((d) => d.document));
  });
  afterAll(async () => {
    await index?.clear();
    await t?.close();
  });

  it(`meets the targets: no zero result, recall@5 ≥ ${SEARCH_TARGETS.recall5}`, async () => {
    const runs: SearchRun[] = [];
    for (const q of queries) {
      const result = await index.search({ q: q.q, page: 1, pageSize: 20 });
      runs.push({
        q: q.q,
        ranked: result.items.map((i) => keyOf.get(i.document.id) ?? i.document.id),
        total: result.total,
        relevant: q.relevant,
      });
    }
    const figures = searchFigures(runs);
    process.stdout.write(
      `Judged search set, ${name}: ${figures.queries} queries, recall@5 ${figures.recall5.toFixed(3)}, MRR ${figures.mrr.toFixed(3)}, ` +
        `zero-result rate ${figures.zeroResultRate.toFixed(3)}; below 1 in recall@5: ${JSON.stringify(figures.misses)}\n`,
    );
    expect(figures.zeroResultRate).toBe(SEARCH_TARGETS.zeroResultRate);
    expect(figures.recall5).toBeGreaterThanOrEqual(SEARCH_TARGETS.recall5);
  });
});
