import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module.js';
import { configureApp, createFastifyAdapter } from '../src/app.setup.js';
import { createLogger } from '../src/common/logging/logger.js';
import { loadConfig } from '../src/config/app-config.js';
import { freePort } from '../src/database/embedded-postgres.js';
import { TextRelevance } from '../src/matches/ranking/text-relevance.js';
import { DEFAULT_WEIGHTS } from '../src/matches/scoring/weights.js';
import { openBenchDatabase, writeResult } from './support/harness.js';
import { runJudgedSet, type TextSample } from './support/relevance-run.js';
import { Api, BENCH_PASSWORD, loadCorpus, outboxVerificationTokens, waitForOutbox } from './support/relevance-api.js';
import { corpusProblems, readCorpus } from './support/relevance-corpus.js';
import type { Figures, NeedRun } from './support/relevance-metrics.js';
import { runSearchSet, SEARCH_TARGETS } from './support/search-metrics.js';

/**
 * `npm run bench:relevance`: loads the judged set of test/relevance/ into a fresh database through
 * the HTTP API, asks GET /needs/:id/matches?limit=10 for every need as a curator, and prints the
 * figures of issue 26 beside those of a reference ranker (BM25 × use-case overlap) computed here.
 * Exits non-zero only when something crashes, never on the targets. Writes bench/results/relevance-*.json.
 */

async function main(): Promise<void> {
  const { corpus, judgments } = readCorpus();
  const problems = corpusProblems(corpus, judgments);
  if (problems.length > 0) throw new Error(`The judged set is inconsistent:\n  ${problems.join('\n  ')}`);
  const say = (line: string): void => void process.stdout.write(`${line}\n`);

  const db = await openBenchDatabase();
  let app: NestFastifyApplication | undefined;
  try {
    const admin = { email: 'admin@banc-pertinence.example.fr', password: BENCH_PASSWORD };
    const port = await freePort();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      MIGRATIONS_RUN: 'false',
      DEMO_DATA: 'false',
      DOCS_ENABLED: 'false',
      SEARCH_BACKEND: process.env.MEILI_URL ? 'meilisearch' : 'postgres',
      MEILI_URL: process.env.MEILI_URL,
      MEILI_API_KEY: process.env.MEILI_API_KEY,
      OUTBOX_WORKER_ENABLED: 'true',
      OUTBOX_POLL_MS: '50',
      REMINDERS_ENABLED: 'false',
      RETENTION_ENABLED: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ config, databaseUrl: db.url }),
      createFastifyAdapter(config, createLogger(config)),
      { logger: false },
    );
    await configureApp(app, config);
    await app.listen({ port, host: '127.0.0.1' });
    const api = new Api(`http://127.0.0.1:${port}`);

    const started = Date.now();
    const loaded = await loadCorpus(api, corpus, admin, say, outboxVerificationTokens(db.dataSource));
    await waitForOutbox(api);
    say(`Relevance set loaded and indexed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    // `-- --weights text=20,useCase=30`: rank with other weights than the defaults (a measurement, never saved elsewhere).
    const weightsArg = process.argv.indexOf('--weights');
    if (weightsArg > 0) {
      const weights = { ...DEFAULT_WEIGHTS } as Record<string, number>;
      for (const pair of (process.argv[weightsArg + 1] ?? '').split(',')) {
        const [name, value] = pair.split('=');
        weights[name] = Number(value);
      }
      await api.ok('PUT', '/matching/weights', await api.login(admin.email, admin.password), weights);
      say(`Weights for this run: ${JSON.stringify(weights)}`);
    }
    const run = await runJudgedSet(api, loaded, corpus, judgments, (text, ids) => app!.get(TextRelevance).scores(text, ids));
    const { current, baseline, appRuns, baseRuns, adversarial, perNeed, warnings, textByGrade, ties } = run;
    printReport(say, current, baseline, appRuns, baseRuns, adversarial, warnings);
    say(`Exact ties between adjacent matches: ${ties.equal} of ${ties.pairs} pairs (${pct(ties.pairs ? ties.equal / ties.pairs : 0)}).`);
    const text = textSeparation(textByGrade);
    say('Text criterion (0–100) by judged grade, every need × offering pair (the relevance floor and the text weight are set on it):');
    console.table(text);
    // Issue 22: the judged catalogue search set, through GET /offerings, on this app's backend.
    const backend = process.env.MEILI_URL ? 'meilisearch' : 'postgres';
    const search = await runSearchSet((path) => api.ok('GET', path), loaded.offeringKeys);
    say('');
    say(
      `Catalogue search (${backend}), ${search.figures.queries} judged queries: recall@5 ${num(search.figures.recall5)} (target ≥ ${SEARCH_TARGETS.recall5}), ` +
        `MRR ${num(search.figures.mrr)}, zero-result rate ${pct(search.figures.zeroResultRate)} (target ${SEARCH_TARGETS.zeroResultRate}).`,
    );
    if (search.figures.misses.length > 0) console.table(search.figures.misses);
    const file = await writeResult('relevance', {
      benchmark:
        'Judged relevance set (test/relevance/): GET /needs/:id/matches?limit=10 as a curator vs BM25 × use-case overlap over the same eligible offerings',
      database: db.where,
      set: { needs: corpus.needs.length, offerings: corpus.offerings.length, vendors: corpus.vendors.length, adversarial },
      targets: {
        ndcg5: '≥ 0.97 and above the baseline',
        junk5: '≤ 10 %',
        adversarialInTop3: 'none where the need has ≥ 3 relevant offerings',
      },
      current,
      baseline,
      textByGrade: text,
      ties,
      perNeed,
      warnings,
      search: { backend, targets: SEARCH_TARGETS, ...search.figures },
    });
    say(`Results written to ${file}`);
  } finally {
    await app?.close();
    await db.close();
  }
}

/** Per grade, for pairs sharing a use case and pairs sharing none: how many, mean text score, and how many reach each candidate floor. */
function textSeparation(samples: TextSample[]): Record<string, Record<string, string | number>> {
  const out: Record<string, Record<string, string | number>> = {};
  for (const shared of [true, false])
    for (const grade of [0, 1, 2, 3]) {
      const pairs = samples.filter((s) => s.grade === grade && s.sharesUseCase === shared);
      const row: Record<string, string | number> = {
        pairs: pairs.length,
        mean: pairs.length ? (pairs.reduce((a, s) => a + s.score, 0) / pairs.length).toFixed(1) : '–',
      };
      for (const floor of [10, 20, 30, 40, 50]) row[`≥ ${floor}`] = pairs.filter((s) => s.score >= floor).length;
      out[`grade ${grade}, ${shared ? 'shares a use case' : 'no shared use case'}`] = row;
    }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const num = (x: number): string => x.toFixed(3);

function printReport(
  say: (line: string) => void,
  current: Figures,
  baseline: Figures,
  appRuns: NeedRun[],
  baseRuns: NeedRun[],
  adversarial: string[],
  warnings: string[],
): void {
  const meets = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  say('');
  say(`Relevance on the judged set: ${current.needs} needs (current ranking vs reference BM25 × use-case overlap)`);
  console.table({
    'nDCG@5': {
      current: num(current.ndcg5),
      baseline: num(baseline.ndcg5),
      target: `≥ 0.970 and > baseline: ${meets(current.ndcg5 >= 0.97 && current.ndcg5 > baseline.ndcg5)}`,
    },
    'nDCG@10': { current: num(current.ndcg10), baseline: num(baseline.ndcg10), target: '' },
    'precision@5 (grade ≥ 2)': { current: pct(current.precision5), baseline: pct(baseline.precision5), target: '' },
    'needs whose #1 is a 3': { current: pct(current.top1Is3), baseline: pct(baseline.top1Is3), target: '' },
    'junk@5 (slots graded 0)': {
      current: pct(current.junk5),
      baseline: pct(baseline.junk5),
      target: `≤ 10 %: ${meets(current.junk5 <= 0.1)}`,
    },
    'adversarial in top 3 (needs with ≥ 3 relevant)': {
      current: String(current.adversarialInTop3.length),
      baseline: String(baseline.adversarialInTop3.length),
      target: `none: ${meets(current.adversarialInTop3.length === 0)}`,
    },
  });
  say('Rank of each adversarial offering per need (current / baseline; – = not returned in the top 10):');
  const rows: Record<string, Record<string, string>> = {};
  appRuns.forEach((r, i) => {
    const row: Record<string, string> = {};
    for (const a of adversarial) {
      const c = r.adversarialRanks[a];
      const b = baseRuns[i].adversarialRanks[a];
      if (c !== null || b !== null) row[a] = `${c ?? '–'} / ${b ?? '–'}`;
    }
    if (Object.keys(row).length > 0) rows[r.need] = row;
  });
  console.table(rows);
  say('Top-5 grades per need (current | baseline):');
  for (const [i, r] of appRuns.entries())
    say(`  ${r.need.padEnd(26)} ${r.grades.slice(0, 5).join(' ').padEnd(10)} | ${baseRuns[i].grades.slice(0, 5).join(' ')}`);
  for (const v of [
    ...current.adversarialInTop3.map((x) => ({ ...x, who: 'current' })),
    ...baseline.adversarialInTop3.map((x) => ({ ...x, who: 'baseline' })),
  ]) {
    say(`  ${v.who}: adversarial ${v.offering} at rank ${v.rank} for ${v.need}`);
  }
  if (warnings.length > 0) say(`Judgment warnings (fix the set):\n  ${warnings.join('\n  ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
