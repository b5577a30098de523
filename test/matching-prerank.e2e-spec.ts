import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service.js';
import { prng } from '../src/common/prng.js';
import { createDataSource } from '../src/database/data-source.js';
import { luhnSiren, PROFILES, TEXTS } from '../src/demo/demo-data.js';
import { criteriaWithoutText, type MatchingNeed } from '../src/matches/match-view.js';
import { MatchingWeightsService, type WeightsInUse } from '../src/matches/matching-weights.service.js';
import { Ranker, type Ranking } from '../src/matches/ranking/ranker.js';
import { TextRelevance } from '../src/matches/ranking/text-relevance.js';
import { OfferingTextRepository } from '../src/matches/repositories/offering-text.repository.js';
import { MatchingWeightsRepository } from '../src/matches/repositories/matching-weights.repository.js';
import { OfferingCandidatesRepository } from '../src/matches/repositories/offering-candidates.repository.js';
import { OfferingMatchRepository } from '../src/matches/repositories/offering-match.repository.js';
import type { CandidateRow } from '../src/matches/repositories/offering-rows.js';
import { prerankSql } from '../src/matches/scoring/prerank.js';
import { DEFAULT_WEIGHTS, type Weights } from '../src/matches/scoring/weights.js';
import type { SovereigntyProfile } from '../src/offerings/sovereignty-profile.js';
import { findCommune } from '../src/reference/geo/geography.js';
import { insertOfferingRows, sovereigntyRowColumns } from '../bench/support/bulk-offerings.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/*
 * Decision 010: `Ranker.rank` pre-ranks in SQL and scores only the candidates that can
 * still reach the top N, and skips text retrieval when no offering outside the need's use cases
 * can get there. On a generated catalogue (local and distant vendors, establishments, a vendor
 * whose commune the reference data does not know, every kind of sector, budget and buyer type),
 * for needs × weights × limits, its top N must be exactly `rankExhaustive`'s, which scores every
 * candidate; and the SQL pre-rank must equal the core's partial score.
 */
const USE_CASES = Object.keys(TEXTS);
// Nice and its neighbours (same and adjacent départements, same and adjacent régions), the rest of
// France, overseas, Corsica, and 06999: a well-formed code the reference data does not know.
const COMMUNES = [
  '06088',
  '06004',
  '06152',
  '83137',
  '04070',
  '13055',
  '05061',
  '69123',
  '34172',
  '75056',
  '59350',
  '2A004',
  '97411',
  '31555',
];
const GHOST_COMMUNE = '06999';
const SECTORS = [[], [], ['84'], ['84.11Z'], ['84.1', '62.01Z'], ['C'], ['10.11Z'], ['62'], ['J'], ['01.11Z', '47']];
const BUYER_TYPES = [[], ['collectivite'], ['pme', 'tpe'], ['pme', 'eti', 'collectivite']];
const REQUIREMENTS = [[], [], ['GDPR_DPA'], ['DATA_IN_EU'], ['DATA_IN_FRANCE', 'GDPR_DPA'], ['ISO27001']];

const WEIGHT_SETS: Weights[] = [
  { ...DEFAULT_WEIGHTS },
  { useCase: 0, proximity: 20, sovereignty: 20, sector: 15, text: 10, fit: 5 },
  { useCase: 30, proximity: 20, sovereignty: 20, sector: 15, text: 60, fit: 5 },
  { useCase: 10, proximity: 100, sovereignty: 5, sector: 0, text: 0, fit: 0 },
  { useCase: 30, proximity: 0, sovereignty: 0, sector: 50, text: 5, fit: 50 },
];
const LIMITS = [1, 5, 20];

/** Every seventh generated offering made a catch-all of 4 or more use cases, by its index (no draw from the seed). */
const withBreadth = (i: number, useCases: string[]): string[] =>
  i % 7 === 3 ? [...new Set([...useCases, ...USE_CASES.slice(0, 4 + (i % 15))])] : useCases;
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const departementOf = (commune: string) => findCommune(commune)?.departementCode ?? commune.slice(0, 2);

function needs(random: () => number): MatchingNeed[] {
  return Array.from({ length: 10 }, (_, i) => {
    const communeCode = i === 9 ? null : pick(random, COMMUNES);
    const commune = communeCode ? findCommune(communeCode) : undefined;
    // Needs 7 and 8 name three use cases: shares of a third and two thirds, rounded.
    const useCases = [
      pick(random, USE_CASES),
      ...(random() < 0.4 ? [pick(random, USE_CASES)] : []),
      ...(i >= 7 && i < 9 ? USE_CASES.slice(i - 7, i - 5) : []),
    ].filter((u, j, a) => a.indexOf(u) === j);
    const min = random() < 0.3 ? null : pick(random, [1000, 5000, 20000]);
    return {
      title: pick(random, TEXTS[useCases[0]].titles),
      description: i % 3 === 0 ? null : TEXTS[pick(random, USE_CASES)].description,
      useCases,
      sector: pick(random, [null, '84.11Z', '62.01Z', 'C', '01.11Z', '47']),
      communeCode,
      departementCode: commune?.departementCode ?? null,
      regionCode: commune?.regionCode ?? null,
      acceptsRemote: random() < 0.7,
      requirements: pick(random, REQUIREMENTS),
      minSovereigntyGrade: pick(random, [null, null, 'C', 'B']),
      minBudgetEur: min,
      maxBudgetEur: random() < 0.3 ? null : (min ?? 2000) * pick(random, [2, 5]),
      budgetFirm: random() < 0.5,
      reach: pick(random, ['local', 'regional', 'national', null]),
      buyerType: pick(random, ['collectivite', 'pme', null]),
    } as MatchingNeed;
  });
}

describe('bounded matching (decision 010): the same top N as scoring every candidate', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let candidates: OfferingCandidatesRepository;
  let projection: OfferingMatchRepository;
  let text: TextRelevance;
  let ranker: Ranker;
  let generated: MatchingNeed[];
  const ghostVendors = new Set<string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url, 4);
    await ds.initialize();
    const random = prng(2010);

    const vendorIds: string[] = [];
    for (let i = 0; i < 80; i++) {
      const ghost = i < 3;
      const commune = ghost ? GHOST_COMMUNE : pick(random, COMMUNES);
      // Every other vendor's site is confirmed by a curator (decision 022); an unconfirmed one must not count in either path.
      const confirmation = i % 2 === 0 ? { confirmedAt: '2026-12-01T10:00:00.000Z' } : {};
      const establishments =
        random() < 0.3
          ? [
              { communeCode: pick(random, COMMUNES), ...confirmation },
              ...(random() < 0.3 ? [{ label: 'sans commune', ...confirmation }] : []),
            ]
          : [];
      const [{ id }] = (await ds.query(
        `INSERT INTO organisation (kind, name, siren, naf_code, commune_code, establishments, verified_at)
         VALUES ('vendor', $1, $2, '62.01Z', $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
        [`Fournisseur ${i}`, luhnSiren(70000000 + i), commune, JSON.stringify(establishments), ghost || random() < 0.92],
      )) as { id: string }[];
      vendorIds.push(id);
      if (ghost) ghostVendors.add(id);
    }

    const offerings = Array.from({ length: 700 }, (_, i) => {
      const vendor = i < 30 ? vendorIds[i % 3] : pick(random, vendorIds);
      const useCase = pick(random, USE_CASES);
      const text = TEXTS[random() < 0.8 ? useCase : pick(random, USE_CASES)];
      const profile = { ...pick(random, PROFILES), declaredAt: '2026-01-01T00:00:00.000Z' } as unknown as SovereigntyProfile;
      const national = random() < 0.3;
      const dep = departementOf(pick(random, COMMUNES));
      const region = findCommune(pick(random, COMMUNES))?.regionCode ?? '93';
      const min = random() < 0.2 ? null : pick(random, [1000, 3000, 10000, 25000]);
      return {
        vendor_id: vendor,
        status: random() < 0.92 ? ('published' as const) : ('draft' as const),
        title: `${pick(random, text.titles)} ${i}`,
        summary: text.summary,
        description: text.description,
        // One in seven claims 4 or more use cases (issue 26): the specificity rule must keep its SQL twin.
        use_cases: withBreadth(i, random() < 0.4 ? [useCase, pick(random, USE_CASES)].filter((u, j, a) => a.indexOf(u) === j) : [useCase]),
        sectors: pick(random, SECTORS),
        service_national: national,
        service_regions: national || random() < 0.5 ? [] : [region],
        service_departements: national || random() < 0.3 ? [] : [dep],
        remote_delivery: random() < 0.6,
        min_budget_eur: min,
        max_budget_eur: random() < 0.2 ? null : (min ?? 1000) * pick(random, [2, 4, 10]),
        target_buyer_types: pick(random, BUYER_TYPES),
        ...sovereigntyRowColumns(profile),
      };
    });
    await insertOfferingRows(ds, offerings);
    // The ghost vendors' offerings score 100 on sovereignty: SQL places them at the top (their
    // commune counts as Alpes-Maritimes there), the core does not (unknown commune).
    await ds.query(`UPDATE offering SET sovereignty_score = 100, service_national = true WHERE vendor_id = ANY($1::uuid[])`, [
      [...ghostVendors],
    ]);

    await ds.query('ANALYZE');

    candidates = new OfferingCandidatesRepository(ds);
    projection = new OfferingMatchRepository(ds);
    ranker = new Ranker(
      candidates,
      projection,
      new MatchingWeightsService(new MatchingWeightsRepository(ds), new AuditService()),
      (text = new TextRelevance(new OfferingTextRepository(ds))),
    );
    generated = needs(random);
    expect(findCommune(GHOST_COMMUNE)).toBeUndefined();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('computes in SQL the partial score the core computes: equal, or higher for a vendor in an unknown commune', async () => {
    const rows = (await candidates.findCandidateRows(
      // The matching projection: published offerings of verified vendors (decision 012).
      ((await ds.query('SELECT offering_id AS id FROM offering_match')) as { id: string }[]).map((r) => r.id),
    )) as CandidateRow[];
    let compared = 0;
    for (const need of generated) {
      for (const weights of WEIGHT_SETS) {
        const values: unknown[] = [];
        const sql = prerankSql(need, weights, (v) => {
          values.push(v);
          return `$${values.length}`;
        });
        values.push(rows.map((r) => r.id));
        const found = (await ds.query(
          `SELECT o.offering_id AS id, (${sql})::float8 AS prerank FROM offering_match o WHERE o.offering_id = ANY($${values.length}::uuid[])`,
          values,
        )) as { id: string; prerank: number }[];
        const bySql = new Map(found.map((r) => [r.id, r.prerank]));
        for (const row of rows) {
          const results = criteriaWithoutText(need, row);
          const core = (['useCase', 'proximity', 'sovereignty', 'sector', 'fit'] as const).reduce(
            (acc, c) => acc + weights[c] * results[c].score,
            0,
          );
          const known = row.vendorCommuneCode !== GHOST_COMMUNE;
          expect({
            id: row.id,
            need: need.communeCode,
            prerank: known ? bySql.get(row.id) : Math.min(core, bySql.get(row.id) ?? -1),
          }).toEqual({
            id: row.id,
            need: need.communeCode,
            prerank: core,
          });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10 * WEIGHT_SETS.length * 500);
  });

  it('ranks exactly as scoring every candidate, for every need, weights and limit', async () => {
    const top = jest.spyOn(projection, 'findTopCandidates');
    const topIds = jest.spyOn(text, 'retrieve');
    const exhaustive = jest.spyOn(ranker, 'rankExhaustive');
    const seen = { bounded: 0, pruned: 0, textSkipped: 0, fallback: 0 };
    const view = (r: Ranking) => ({
      items: r.items.map((m) => ({ id: m.row.id, proximity: m.proximity, scored: m.scored })),
    });
    for (const [n, need] of generated.entries()) {
      for (const [w, weights] of WEIGHT_SETS.entries()) {
        for (const limit of LIMITS) {
          const inUse: WeightsInUse = { weights, version: w };
          const [topCalls, textCalls, exhaustiveCalls] = [top.mock.results.length, topIds.mock.calls.length, exhaustive.mock.calls.length];
          const bounded = await ranker.rank(need, limit, inUse);
          const fellBack = exhaustive.mock.calls.length > exhaustiveCalls;
          const textRetrieved = topIds.mock.calls.length > textCalls;
          const reference = await ranker.rankExhaustive(need, limit, inUse);
          expect({ n, w, limit, ...view(bounded) }).toEqual({ n, w, limit, ...view(reference) });
          if (top.mock.results.length > topCalls && !fellBack) {
            seen.bounded++;
            const retrieved = (await top.mock.results[top.mock.results.length - 1].value) as { keptCount: number; eligible: number };
            if (retrieved.keptCount < retrieved.eligible) seen.pruned++;
            if (!textRetrieved) seen.textSkipped++;
            // With text retrieval, the count is the exhaustive one; without, the text-only offerings are not counted.
            else expect({ n, w, limit, candidates: bounded.candidates }).toEqual({ n, w, limit, candidates: reference.candidates });
          }
          if (fellBack) seen.fallback++;
        }
      }
    }
    // The catalogue must exercise every path: pruning, skipped text retrieval and the fallback.
    expect(seen.pruned).toBeGreaterThan(20);
    expect(seen.textSkipped).toBeGreaterThan(10);
    expect(seen.fallback).toBeGreaterThan(0);
    expect(seen.bounded).toBeGreaterThan(seen.fallback);
  }, 120_000);
  it('ranks every candidate instead when one of the rows read in the second round has gone meanwhile', async () => {
    // A fault injected: the projection loses the second round's rows between the two queries.
    const rows = jest.spyOn(projection, 'findScoringRows').mockResolvedValue([]);
    const exhaustive = jest.spyOn(ranker, 'rankExhaustive');
    try {
      let faulted = 0;
      for (const need of generated) {
        const [rowCalls, exhaustiveCalls] = [rows.mock.calls.length, exhaustive.mock.calls.length];
        const ranking = await ranker.rank(need, 5, { weights: DEFAULT_WEIGHTS, version: 0 });
        const asked = rows.mock.calls.slice(rowCalls).some(([ids]) => ids.length > 0);
        if (!asked) continue;
        faulted++;
        expect(exhaustive.mock.calls.length).toBeGreaterThan(exhaustiveCalls);
        expect(ranking.items.length).toBeGreaterThan(0);
      }
      expect(faulted).toBeGreaterThan(0);
    } finally {
      rows.mockRestore();
      exhaustive.mockRestore();
    }
  });
});
