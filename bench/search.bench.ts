import 'reflect-metadata';
import { PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import { Meilisearch } from 'meilisearch';
import { MeilisearchSearchIndex } from '../src/search/meilisearch/meilisearch-search.index.js';
import type { OfferingDocument } from '../src/search/offering-document.js';
import type { CatalogueQuery, SearchIndex } from '../src/search/search-index.port.js';
import { openBenchDatabase, progress, time, writeResult, type Timing } from './support/harness.js';
import { syntheticDocuments } from './support/offering-documents.js';
import { suggest } from '../src/catalogue/catalogue-suggestions.js';

/**
 * Catalogue search latency on the PostgreSQL backend at N offerings (default 10,000), every search
 * computed; then the same queries asked again of an instance that keeps results (decision 037);
 * with MEILI_URL set, the same scenarios on Meilisearch too:
 * `npm run bench:search -- --offerings 50000`. Writes bench/results/search-*.json.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const offerings = arg('offerings', 10_000);
  const requests = arg('requests', 300);
  const docs = syntheticDocuments(offerings);
  const db = await openBenchDatabase();
  try {
    const index = new PostgresSearchIndex(db.dataSource);
    // As the app does at start: records the synonym table the lexemes are built from (decision 040).
    await index.prepare();
    const ingestSeconds = await ingest(index, docs, 500);
    await db.dataSource.query('ANALYZE search_offering');
    console.log(`Measuring ${requests} requests per scenario…`);
    const scenarios = await measure(index, requests);
    // Decision 037: the instance's cache (SEARCH_CACHE_ENTRIES), which the scenarios above bypass.
    // Each distinct query of the mix is asked once first (a miss costs what the scenarios above
    // measure); then the same queries again, served from the cache after one read of the generation.
    const cached = new PostgresSearchIndex(db.dataSource, { cacheEntries: 1000 });
    const mix: Partial<CatalogueQuery>[] = [
      ...TEXTS.map((text) => ({ q: text })),
      ...FILTERS,
      ...TEXTS.flatMap((text) => FILTERS.map((f) => ({ q: text, ...f }))),
      ...SYNONYM_TEXTS.map((text) => ({ q: text })),
    ];
    for (const partial of mix) await cached.search({ page: 1, pageSize: 20, ...partial });
    const cachedScenarios = {
      repeatedQueryFromCache: await time(requests, (i) => cached.search({ page: 1, pageSize: 20, ...mix[i % mix.length] })),
    };
    const meilisearch = process.env.MEILI_URL ? await measureMeilisearch(process.env.MEILI_URL, docs, requests) : undefined;
    const file = await writeResult('search', {
      benchmark: 'catalogue search, in-process (no HTTP)',
      database: db.where,
      offerings,
      ingest: { seconds: ingestSeconds, offeringsPerSecond: Math.round(offerings / ingestSeconds) },
      scenarios,
      cache: { distinctQueries: mix.length, scenarios: cachedScenarios },
      ...(meilisearch ? { meilisearch } : {}),
    });
    const table = (rows: Record<string, Timing>) =>
      console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { p50Ms: v.p50Ms, p95Ms: v.p95Ms, p99Ms: v.p99Ms }])));
    console.log('PostgreSQL backend:');
    table({ ...scenarios, ...cachedScenarios });
    console.log(`Ingest: ${offerings} offerings in ${ingestSeconds.toFixed(1)} s.`);
    if (meilisearch) {
      console.log(`Meilisearch at ${meilisearch.url}:`);
      table(meilisearch.scenarios);
      console.log(`Ingest: ${offerings} offerings in ${meilisearch.ingestSeconds.toFixed(1)} s.`);
    }
    console.log(`Results written to ${file}`);
  } finally {
    await db.close();
  }
}

const TEXTS = [
  'chatbot',
  'chatbott',
  "reconaissance d'image",
  'prévision des ventes',
  'maintenance predictive',
  'transcription réunions',
  'factures',
  'fuite eau',
  'assistant documentaire',
  'détection de défauts',
];
const SWAPPED = ['chatobt', 'factrues', 'prévsiion', 'assistnat'];
const TYPO_PHRASES = ['prévsiion des ventes', 'assistnat documentaire'];
// Issue 22: expressions of the synonym table, phrases only some of whose words match, and
// queries nothing answers (every fallback tried, then the suggestions of GET /offerings).
const SYNONYM_TEXTS = ['chat bot', 'IA générative', 'reconnaissance vocale', 'assistant virtuel mairie'];
const PARTIAL_TEXTS = ['maintenance prédictive éoliennes', 'chatbot pharmacie', 'prévision des ventes boulangerie'];
const NOTHING_TEXTS = ['zzkqxw', 'xylophone quantique'];
const FILTERS: Partial<CatalogueQuery>[] = [
  { useCases: ['DOC_PROCESSING'] },
  { region: '93', grades: ['A', 'B'] },
  { departement: '06', requirements: ['DATA_IN_FRANCE'] },
  {},
];

/** Indexes `docs` in batches, with a progress bar; returns the seconds it took. */
async function ingest(index: SearchIndex, docs: OfferingDocument[], batch: number): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < docs.length; i += batch) {
    await index.upsert(docs.slice(i, i + batch));
    progress(`Indexing offerings (${index.backend})`, Math.min(i + batch, docs.length), docs.length);
  }
  return (Date.now() - started) / 1000;
}

/** The same scenarios on either backend, every search computed (no cache in front). */
async function measure(index: SearchIndex, requests: number): Promise<Record<string, Timing>> {
  const q = (partial: Partial<CatalogueQuery>) => index.search({ page: 1, pageSize: 20, ...partial });
  return {
    textQuery: await time(requests, (i) => q({ q: TEXTS[i % TEXTS.length] })),
    filtersOnly: await time(requests, (i) => q(FILTERS[i % FILTERS.length])),
    textAndFilters: await time(requests, (i) => q({ q: TEXTS[i % TEXTS.length], ...FILTERS[i % FILTERS.length] })),
    emptyQueryPage5: await time(requests, () => q({ page: 5 })),
    // One word with two letters swapped: words, then its swapped readings (decision 004).
    swappedLetters: await time(requests, (i) => q({ q: SWAPPED[i % SWAPPED.length] })),
    // A phrase with a typo: words, then each word corrected from the lexicon (decision 004).
    typoPhrase: await time(Math.min(requests, 50), (i) => q({ q: TYPO_PHRASES[i % TYPO_PHRASES.length] })),
    synonymQuery: await time(requests, (i) => q({ q: SYNONYM_TEXTS[i % SYNONYM_TEXTS.length] })),
    partialMatch: await time(requests, (i) => q({ q: PARTIAL_TEXTS[i % PARTIAL_TEXTS.length] })),
    // Nothing found: every fallback, then suggest() as GET /offerings does.
    zeroResultWithSuggestions: await time(Math.min(requests, 50), async (i) => {
      const query: CatalogueQuery = { q: NOTHING_TEXTS[i % NOTHING_TEXTS.length], page: 1, pageSize: 20 };
      if ((await index.search(query)).total === 0) await suggest(index, query);
    }),
  };
}

/**
 * With MEILI_URL set, the same documents and scenarios on Meilisearch, in an index of the
 * benchmark's own (deleted afterwards), through the adapter the app uses. Batches of 5,000, with
 * time for each indexing task; settings applied before the documents, as `prepare()` does at start.
 */
async function measureMeilisearch(
  url: string,
  docs: OfferingDocument[],
  requests: number,
): Promise<{ url: string; ingestSeconds: number; scenarios: Record<string, Timing> }> {
  const uid = `offerings_bench_${process.pid}`;
  const apiKey = process.env.MEILI_API_KEY;
  const index = new MeilisearchSearchIndex(url, apiKey, uid, { enqueueDeadlineMs: 600_000, taskTimeoutMs: 600_000 });
  try {
    await index.prepare();
    const ingestSeconds = await ingest(index, docs, 5000);
    console.log(`Measuring ${requests} requests per scenario on Meilisearch…`);
    return { url, ingestSeconds, scenarios: await measure(index, requests) };
  } finally {
    const client = new Meilisearch({ host: url, apiKey });
    await client
      .deleteIndexIfExists(uid)
      .catch((error: unknown) => console.error(`Could not delete the benchmark index ${uid}: ${String(error)}`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
