import 'reflect-metadata';
import { PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import type { CatalogueQuery } from '../src/search/search-index.port.js';
import { openBenchDatabase, progress, time, writeResult } from './support/harness.js';
import { syntheticDocuments } from './support/offering-documents.js';
import { suggest } from '../src/catalogue/catalogue-suggestions.js';

/**
 * Catalogue search latency on the PostgreSQL backend at N offerings (default 10,000), every search
 * computed; then the same queries asked again of an instance that keeps results (decision 037):
 * `npm run bench:search -- --offerings 50000`. Writes bench/results/search-*.json.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const offerings = arg('offerings', 10_000);
  const requests = arg('requests', 300);
  const db = await openBenchDatabase();
  try {
    const index = new PostgresSearchIndex(db.dataSource);
    const docs = syntheticDocuments(offerings);
    const started = Date.now();
    for (let i = 0; i < docs.length; i += 500) {
      await index.upsert(docs.slice(i, i + 500));
      progress('Indexing offerings', Math.min(i + 500, docs.length), docs.length);
    }
    const ingestSeconds = (Date.now() - started) / 1000;
    await db.dataSource.query('ANALYZE search_offering');

    const texts = [
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
    const swapped = ['chatobt', 'factrues', 'prévsiion', 'assistnat'];
    const typoPhrases = ['prévsiion des ventes', 'assistnat documentaire'];
    // Issue 22: expressions of the synonym table, phrases only some of whose words match, and
    // queries nothing answers (every fallback tried, then the suggestions of GET /offerings).
    const synonymTexts = ['chat bot', 'IA générative', 'reconnaissance vocale', 'assistant virtuel mairie'];
    const partialTexts = ['maintenance prédictive éoliennes', 'chatbot pharmacie', 'prévision des ventes boulangerie'];
    const nothingTexts = ['zzkqxw', 'xylophone quantique'];
    const filters: Partial<CatalogueQuery>[] = [
      { useCases: ['DOC_PROCESSING'] },
      { region: '93', grades: ['A', 'B'] },
      { departement: '06', requirements: ['DATA_IN_FRANCE'] },
      {},
    ];
    const q = (partial: Partial<CatalogueQuery>) => index.search({ page: 1, pageSize: 20, ...partial });
    console.log(`Measuring ${requests} requests per scenario…`);
    const scenarios = {
      textQuery: await time(requests, (i) => q({ q: texts[i % texts.length] })),
      filtersOnly: await time(requests, (i) => q(filters[i % filters.length])),
      textAndFilters: await time(requests, (i) => q({ q: texts[i % texts.length], ...filters[i % filters.length] })),
      emptyQueryPage5: await time(requests, () => q({ page: 5 })),
      // One word with two letters swapped: words, then its swapped readings (decision 004).
      swappedLetters: await time(requests, (i) => q({ q: swapped[i % swapped.length] })),
      // A phrase with a typo: words, then each word corrected from the lexicon (decision 004).
      typoPhrase: await time(Math.min(requests, 50), (i) => q({ q: typoPhrases[i % typoPhrases.length] })),
      synonymQuery: await time(requests, (i) => q({ q: synonymTexts[i % synonymTexts.length] })),
      partialMatch: await time(requests, (i) => q({ q: partialTexts[i % partialTexts.length] })),
      // Nothing found: words, corrections, trigram match, then suggest() as GET /offerings does.
      zeroResultWithSuggestions: await time(Math.min(requests, 50), async (i) => {
        const query: CatalogueQuery = { q: nothingTexts[i % nothingTexts.length], page: 1, pageSize: 20 };
        if ((await index.search(query)).total === 0) await suggest(index, query);
      }),
    };
    // Decision 037: the instance's cache (SEARCH_CACHE_ENTRIES), which the scenarios above bypass.
    // Each distinct query of the mix is asked once first (a miss costs what the scenarios above
    // measure); then the same queries again, served from the cache after one read of the generation.
    const cached = new PostgresSearchIndex(db.dataSource, { cacheEntries: 1000 });
    const mix: Partial<CatalogueQuery>[] = [
      ...texts.map((text) => ({ q: text })),
      ...filters,
      ...texts.flatMap((text) => filters.map((f) => ({ q: text, ...f }))),
      ...synonymTexts.map((text) => ({ q: text })),
    ];
    for (const partial of mix) await cached.search({ page: 1, pageSize: 20, ...partial });
    const cachedScenarios = {
      repeatedQueryFromCache: await time(requests, (i) => cached.search({ page: 1, pageSize: 20, ...mix[i % mix.length] })),
    };
    const file = await writeResult('search', {
      benchmark: 'catalogue search, PostgreSQL backend, in-process (no HTTP)',
      database: db.where,
      offerings,
      ingest: { seconds: ingestSeconds, offeringsPerSecond: Math.round(offerings / ingestSeconds) },
      scenarios,
      cache: { distinctQueries: mix.length, scenarios: cachedScenarios },
    });
    console.table(
      Object.fromEntries(
        Object.entries({ ...scenarios, ...cachedScenarios }).map(([k, v]) => [k, { p50Ms: v.p50Ms, p95Ms: v.p95Ms, p99Ms: v.p99Ms }]),
      ),
    );
    console.log(`Ingest: ${offerings} offerings in ${ingestSeconds.toFixed(1)} s. Results written to ${file}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
