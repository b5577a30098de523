import { PROXIMITY_SCORES, proximity } from '../../reference/geo/proximity.js';
import type { CommuneCode, Geography } from '../../reference/data/geo.types.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { SECTOR_MATCH_SCORES, sectorMatch } from '../../reference/sectors/sector-match.js';
import type { NafNomenclature } from '../../reference/data/naf.types.js';
import { MIN_SPECIFICITY, SPECIALIST_USE_CASES } from './criteria.js';
import type { Weights } from './weights.js';

/**
 * Pre-ranking in SQL (issue #8, decision 010): every criterion but text, computed by PostgreSQL
 * for each eligible candidate as the integer Σ weight × score that the pure core computes from
 * `criteriaWithoutText()`, so that only the candidates that can still reach the top N are read and
 * scored in full. The twin of use-case, proximity, sovereignty, sector and fit; the test
 * `test/matching-prerank.e2e-spec.ts` runs both on generated offerings. SQL may only ever score
 * HIGHER than the core (a vendor commune unknown to the reference data still counts by its
 * département here): an upper bound keeps the pruning safe, and the service checks the lower side
 * on every bounded ranking.
 *
 * Alias `o`: a row of the matching projection `offering_match` (decision 012), the offering's
 * columns under their own names and its vendor's sites as `vendor_departements`. `param` returns a
 * placeholder for a bound value.
 */
export interface PrerankNeed {
  useCases: readonly string[];
  sector: string | null;
  communeCode: string | null;
  buyerType: string | null;
  minBudgetEur: number | null;
  maxBudgetEur: number | null;
}

/**
 * The département the projection's `vendor_departements` reads off a commune code (migration
 * OfferingMatch): its first two characters, three overseas (97x). Unlike the geography's
 * `departementOfCommune`, it answers for a code the reference data does not know, which keeps
 * the pre-rank an upper bound of the core's score.
 */
export const departementCodePrefix = (communeCode: string): string =>
  communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);

const NO_AREA = { national: false, regions: [], departements: [], remoteDelivery: false };
const representatives = new WeakMap<Geography, ReadonlyMap<string, CommuneCode>>();

/** One commune per département: proximity depends only on the département (and its région). */
function representativeCommunes(geo: Geography): ReadonlyMap<string, CommuneCode> {
  let found = representatives.get(geo);
  if (!found) {
    const map = new Map<string, CommuneCode>();
    for (const commune of geo.communes.values())
      if (!map.has(commune.departementCode)) map.set(commune.departementCode, commune.communeCode);
    representatives.set(geo, map);
    found = map;
  }
  return found;
}

/**
 * The local proximity score (same or adjacent département or région) of a vendor establishment in
 * each département, seen from the need's commune, by the core's own `proximity()`. Départements
 * with no local relation are left out (the service area decides there). Empty for an unknown commune.
 */
export function localProximityByDepartement(
  needCommune: string | null,
  geo: Geography = referenceData().geography,
): Record<string, number> {
  const scores: Record<string, number> = {};
  if (!needCommune || !geo.communes.has(needCommune as CommuneCode)) return scores;
  for (const [departement, commune] of representativeCommunes(geo)) {
    const p = proximity(needCommune, [commune], NO_AREA, geo);
    if (p.fromCommuneCode !== null) scores[departement] = p.score;
  }
  return scores;
}

const sectorCache = new Map<string, Record<string, number>>();

/** The sector score of every NAF code that shares at least a section with the need's sector, by `sectorMatch()`. */
export function sectorScores(needSector: string, naf: NafNomenclature = referenceData().naf): Record<string, number> {
  const cached = naf === referenceData().naf ? sectorCache.get(needSector) : undefined;
  if (cached) return cached;
  const scores: Record<string, number> = {};
  for (const code of naf.byCode.keys()) {
    const score = sectorMatch(needSector, [code], naf).score;
    if (score > 0) scores[code] = score;
  }
  if (naf === referenceData().naf) {
    // Keys are need sectors, NAF codes in practice: bounded, but never let odd input grow it.
    if (sectorCache.size >= 2000) sectorCache.clear();
    sectorCache.set(needSector, scores);
  }
  return scores;
}

/** SQL of Σ weight × score over every criterion but text (criteria weighing 0 are left out, with their parameters). */
export function prerankSql(need: PrerankNeed, weights: Weights, param: (value: unknown) => string): string {
  const terms: string[] = [];
  // Weights are integers (weightProblems): integer arithmetic, numeric only for any other value.
  const weighted = (weight: number, sql: string) =>
    terms.push(`${param(weight)}::${Number.isInteger(weight) ? 'int' : 'numeric'} * (${sql})`);

  // Use case: share of the need's use cases the offering covers, rounded as Math.round does:
  // round(100 c / n) = floor((200 c + n) / 2n), in integers.
  if (weights.useCase > 0 && need.useCases.length > 0) {
    const n = need.useCases.length;
    const covered = need.useCases.map((u) => `(${param(u)}::text = ANY(o.use_cases))::int`).join(' + ');
    const coverage = n === 1 ? `100 * ${covered}` : `(200 * (${covered}) + ${n}) / ${2 * n}`;
    // Specificity (criteria.ts): round(300 / k) = floor((600 + k) / 2k), then round(coverage × it / 100), in integers.
    const k = 'cardinality(o.use_cases)';
    const specificity = `CASE WHEN ${k} <= ${SPECIALIST_USE_CASES} THEN 100 ELSE greatest(${MIN_SPECIFICITY}, (${200 * SPECIALIST_USE_CASES} + ${k}) / (2 * ${k})) END`;
    weighted(weights.useCase, `(2 * (${coverage}) * (${specificity}) + 100) / 200`);
  }

  // Proximity: the best local relation of the vendor's communes, else the service area.
  if (weights.proximity > 0) {
    const geo = referenceData().geography;
    const commune = need.communeCode ? geo.communes.get(need.communeCode as CommuneCode) : undefined;
    const onSite = ['o.service_national'];
    if (commune) {
      onSite.push(
        `${param(commune.regionCode)}::text = ANY(o.service_regions)`,
        `${param(commune.departementCode)}::text = ANY(o.service_departements)`,
      );
    }
    const area = `CASE WHEN ${onSite.join(' OR ')} THEN ${PROXIMITY_SCORES.on_site} WHEN o.remote_delivery THEN ${PROXIMITY_SCORES.remote} ELSE ${PROXIMITY_SCORES.out_of_area} END`;
    const local = localProximityByDepartement(need.communeCode, geo);
    if (Object.keys(local).length === 0) {
      weighted(weights.proximity, area);
    } else {
      const map = `${param(JSON.stringify(local))}::jsonb`;
      // The best local relation of the vendor's sites (its commune and establishments, as départements).
      const sites = `CASE cardinality(o.vendor_departements) WHEN 0 THEN NULL WHEN 1 THEN (${map} -> o.vendor_departements[1])::int
        ELSE (SELECT max((${map} -> d)::int) FROM unnest(o.vendor_departements) d) END`;
      weighted(weights.proximity, `coalesce(${sites}, ${area})`);
    }
  }

  if (weights.sovereignty > 0) weighted(weights.sovereignty, 'coalesce(o.sovereignty_score, 0)');

  // Sector: no sector = cross-sector; otherwise the deepest NAF level shared, best of the offering's codes.
  if (weights.sector > 0) {
    const cross = SECTOR_MATCH_SCORES.cross_sector;
    if (!need.sector) {
      weighted(weights.sector, `CASE WHEN cardinality(o.sectors) = 0 THEN ${cross} ELSE 0 END`);
    } else {
      const map = `${param(JSON.stringify(sectorScores(need.sector)))}::jsonb`;
      weighted(
        weights.sector,
        `CASE cardinality(o.sectors) WHEN 0 THEN ${cross} WHEN 1 THEN coalesce((${map} -> o.sectors[1])::int, 0)
           ELSE coalesce((SELECT max((${map} -> s)::int) FROM unnest(o.sectors) s), 0) END`,
      );
    }
  }

  // Fit: buyer type targeted (50) and the need's budget inside (50), overlapping (35) or outside
  // (0) the offering's price range; 25 when either side has no budget.
  if (weights.fit > 0) {
    const type = `CASE WHEN cardinality(o.target_buyer_types) = 0 OR ${param(need.buyerType ?? '')}::text = ANY(o.target_buyer_types) THEN 50 ELSE 0 END`;
    let budget = '25';
    if (need.minBudgetEur !== null || need.maxBudgetEur !== null) {
      // Budgets are whole euros (integer columns): int8 compares with them, numeric costs a cast per row.
      const low = `${param(need.minBudgetEur ?? 0)}::int8`;
      const high = need.maxBudgetEur === null ? null : `${param(need.maxBudgetEur)}::int8`;
      const inside = `${low} >= coalesce(o.min_budget_eur, 0) AND ${high === null ? 'o.max_budget_eur IS NULL' : `(o.max_budget_eur IS NULL OR ${high} <= o.max_budget_eur)`}`;
      const overlap = `(o.max_budget_eur IS NULL OR ${low} <= o.max_budget_eur)${high === null ? '' : ` AND coalesce(o.min_budget_eur, 0) <= ${high}`}`;
      budget = `CASE WHEN o.min_budget_eur IS NULL AND o.max_budget_eur IS NULL THEN 25 WHEN ${inside} THEN 50 WHEN ${overlap} THEN 35 ELSE 0 END`;
    }
    weighted(weights.fit, `${type} + ${budget}`);
  }

  return terms.length === 0 ? '0' : terms.join('\n + ');
}
