import 'reflect-metadata';
import type { Caller } from '../src/identity/caller.js';
import { luhnSiren } from '../src/demo/demo-data.js';
import { retrievalNeed, needText } from '../src/matches/match-view.js';
import { FIRST_TEXT_ROUND, TEXT_RETRIEVAL_LIMIT } from '../src/matches/ranking/ranker.js';
import { prerankSql } from '../src/matches/scoring/prerank.js';
import { prerankSlack } from '../src/matches/scoring/top-k.js';
import { seedCatalogue } from './support/catalogue-seed.js';
import { matchingParts } from './support/matching-parts.js';
import { openBenchDatabase, time, writeResult } from './support/harness.js';

/**
 * Match latency for one need at N offerings (default 10,000): `npm run bench:match -- --offerings 50000`.
 * Seeds vendors and offerings straight into a throw-away database (matching's lexemes follow by trigger), then
 * times the matches use case (NeedMatchesService over the Ranker, in-process, top 20, access check and DTOs included) beside the floor: the
 * bare SQL candidate query of issue #8 (every eligible offering sharing the need's use case or among
 * its text matches, as `rankExhaustive` reads them). Writes bench/results/match-*.json.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const offerings = arg('offerings', 10_000);
  const requests = Math.max(200, arg('requests', 300));
  const db = await openBenchDatabase();
  const ds = db.dataSource;
  try {
    const { vendorCount, seedSeconds } = await seedCatalogue(ds, offerings);

    const [buyer] = (await ds.query(
      `INSERT INTO organisation (kind, buyer_type, name, siren, naf_code, commune_code) VALUES ('buyer', 'collectivite', 'Commune de bench', $1, '84.11Z', '06088') RETURNING id`,
      [luhnSiren(60000001)],
    )) as { id: string }[];
    const [need] = (await ds.query(
      `INSERT INTO need (organisation_id, title, description, use_cases, sector, commune_code, departement_code, region_code, reach, accepts_remote,
         min_budget_eur, max_budget_eur, requirements, status, submitted_at, published_at)
       VALUES ($1, 'Tri automatique du courrier entrant de la mairie',
         'Nous recevons des centaines de courriers et factures par jour et voulons les lire, les classer et les router vers les services.',
         '{DOC_PROCESSING}', '84.11Z', '06088', '06', '93', 'regional', true, 10000, 30000, '{GDPR_DPA}', 'published', now(), now())
       RETURNING id`,
      [buyer.id],
    )) as { id: string }[];
    // A catalogue at rest, as autovacuum leaves it: statistics, visibility map, and the GIN pending
    // lists of the bulk load merged (left alone, autovacuum does it in the middle of a run).
    await ds.query('VACUUM ANALYZE');

    const {
      candidates,
      projection,
      weightsRepository,
      weights: weightsService,
      needs,
      matches: service,
      text: textRelevance,
    } = matchingParts(ds);
    const curator: Caller = {
      userId: '00000000-0000-4000-8000-000000000001',
      role: 'curator',
      organisationId: null,
      membershipStatus: null,
      requestId: 'bench',
    };

    const entity = await needs.findById(need.id);
    const matchingNeed = { ...entity!, buyerType: 'collectivite' };
    const textIds = await textRelevance.retrieve(needText(matchingNeed), TEXT_RETRIEVAL_LIMIT);
    const first = await service.matchesFor(curator, need.id, { limit: 20 });
    const weights = await weightsService.inUse();
    const bounded = () =>
      projection.findTopCandidates(retrievalNeed(matchingNeed), (param) => prerankSql(matchingNeed, weights.weights, param), {
        rank: 20,
        slack: prerankSlack(weights.weights),
        withRows: FIRST_TEXT_ROUND * 20,
      });
    const retrieved = await bounded();
    const keptIds = [
      ...retrieved.kept,
      ...(await projection.findKeptBelow(
        retrievalNeed(matchingNeed),
        (param) => prerankSql(matchingNeed, weights.weights, param),
        { rank: 20, slack: prerankSlack(weights.weights), withRows: FIRST_TEXT_ROUND * 20 },
        -1e12,
      )),
    ].map((k) => k.id);
    const kept = retrieved.keptCount;
    console.log(
      `Need: ${first.candidates} eligible candidates, ${kept} pre-ranked within reach of the top 20; best total ${first.items[0]?.total}.`,
    );

    const text = needText(matchingNeed);
    const parts = {
      textRetrieval: await time(50, () => textRelevance.retrieve(text, TEXT_RETRIEVAL_LIMIT)),
      boundedCandidateSql: await time(50, bounded),
      textRelevance: await time(50, () =>
        textRelevance.scores(
          text,
          first.items.map((m) => m.offering.id),
        ),
      ),
      weights: await time(50, () => weightsRepository.currentWeights()),
      // What the bounded ranking's second round costs at worst: every kept candidate read and asked for text.
      textRelevanceAllKept: await time(50, () => textRelevance.scores(text, keptIds)),
      scoringRowsAllKept: await time(50, () => projection.findScoringRows(keptIds)),
    };
    console.log(JSON.stringify(parts));
    console.log(`Measuring ${requests} requests per scenario…`);
    const stages = await profileStages(() => service.matchesFor(curator, need.id, { limit: 20 }), {
      projection: projection as unknown as Record<string, unknown>,
      candidates: candidates as unknown as Record<string, unknown>,
      text: textRelevance as unknown as Record<string, unknown>,
    });
    console.log('Where one match spends its time (mean over 30 calls; size = ids asked):');
    console.table(stages);
    const bareSql = await time(requests, () => candidates.findCandidates(retrievalNeed(matchingNeed), textIds));
    const match = await time(requests, () => service.matchesFor(curator, need.id, { limit: 20 }));
    const ratio = {
      p50: Math.round((100 * match.p50Ms) / bareSql.p50Ms) / 100,
      p95: Math.round((100 * match.p95Ms) / bareSql.p95Ms) / 100,
    };
    const file = await writeResult(`match-${offerings}`, {
      benchmark: 'GET /needs/:id/matches top 20 through NeedMatchesService, in-process (no HTTP), text relevance on offering lexemes',
      database: db.where,
      offerings,
      vendors: vendorCount,
      candidates: first.candidates,
      candidatesWithinReach: kept,
      seed: { seconds: seedSeconds },
      match,
      bareCandidateSql: bareSql,
      ratioMatchToBareSql: ratio,
      parts,
    });
    console.table({
      match: { p50Ms: match.p50Ms, p95Ms: match.p95Ms, p99Ms: match.p99Ms },
      bareCandidateSql: { p50Ms: bareSql.p50Ms, p95Ms: bareSql.p95Ms, p99Ms: bareSql.p99Ms },
    });
    console.log(`Ratio match / bare SQL: p50 ${ratio.p50}×, p95 ${ratio.p95}×. Results written to ${file}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The mean time and input size of each repository or text call during `run`, by wrapping the
 * methods of the parts the use case was wired with (calls overlap: times are each call's own).
 */
async function profileStages(run: () => Promise<unknown>, parts: Record<string, Record<string, unknown>>) {
  const seen: Record<string, { calls: number; ms: number; size: number }> = {};
  const restore: (() => void)[] = [];
  for (const [name, part] of Object.entries(parts)) {
    for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(part))) {
      const original = part[key];
      if (key === 'constructor' || typeof original !== 'function') continue;
      part[key] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await (original as (...a: unknown[]) => Promise<unknown>).apply(part, args);
        } finally {
          const stat = (seen[`${name}.${key}`] ??= { calls: 0, ms: 0, size: 0 });
          stat.calls++;
          stat.ms += performance.now() - started;
          stat.size += (args.find(Array.isArray) as unknown[] | undefined)?.length ?? 0;
        }
      };
      restore.push(() => delete part[key]);
    }
  }
  const runs = 30;
  for (let i = 0; i < runs; i++) await run();
  for (const r of restore) r();
  return Object.fromEntries(
    Object.entries(seen).map(([k, v]) => [
      k,
      { perMatch: +(v.calls / runs).toFixed(2), meanMs: +(v.ms / v.calls).toFixed(2), meanSize: +(v.size / v.calls).toFixed(0) },
    ]),
  );
}
