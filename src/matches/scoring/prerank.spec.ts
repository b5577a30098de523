import { proximity } from '../../reference/geo/proximity.js';
import { referenceData } from '../../reference/data/reference-data.js';
import { sectorMatch } from '../../reference/sectors/sector-match.js';
import { departementCodePrefix, localProximityByDepartement, prerankSql, sectorScores } from './prerank.js';
import { boundHolds, canReach, excludedBelow, prerankSlack, textOnlyBest, textRetrievalSkippable } from './top-k.js';
import { scoreCandidate, totalOf } from './ranking.js';
import { CRITERIA, DEFAULT_WEIGHTS, type Weights } from './weights.js';

const geo = referenceData().geography;

describe('prerank inputs: the SQL twin reads the core’s own functions', () => {
  it('derives every known commune’s département from its code, as the SQL does', () => {
    const wrong = [...geo.communes.values()].filter((c) => departementCodePrefix(c.communeCode) !== c.departementCode);
    expect(wrong).toEqual([]);
    expect(geo.communes.size).toBeGreaterThan(30000);
  });

  it('scores each département as proximity() scores a vendor there, seen from Nice', () => {
    const scores = localProximityByDepartement('06088');
    expect(scores).toMatchObject({ '06': 100, '83': 80, '04': 80, '13': 65 });
    expect(scores['75']).toBeUndefined();
    const none = { national: false, regions: [], departements: [], remoteDelivery: false };
    for (const need of ['06088', '75056', '2A004', '97411', '59350']) {
      const local = localProximityByDepartement(need);
      const wrong = [...geo.communes.values()].filter(
        (c) => (local[departementCodePrefix(c.communeCode)] ?? 0) !== proximity(need, [c.communeCode], none).score,
      );
      expect([need, wrong.map((c) => c.communeCode)]).toEqual([need, []]);
    }
  });

  it('has no local score for an unknown or missing need commune', () => {
    expect(localProximityByDepartement('06999')).toEqual({});
    expect(localProximityByDepartement(null)).toEqual({});
  });

  it.each(['84.11Z', '62', 'C', '01.11Z'])('scores every NAF code as sectorMatch() does for a need in %s', (sector) => {
    const scores = sectorScores(sector);
    const wrong = [...referenceData().naf.byCode.keys()].filter((code) => (scores[code] ?? 0) !== sectorMatch(sector, [code]).score);
    expect(wrong).toEqual([]);
    expect(Object.keys(scores).length).toBeGreaterThan(1);
  });

  it('has no sector score for a code unknown to NAF', () => {
    expect(sectorScores('99.99X')).toEqual({});
  });

  it('leaves out the criteria that weigh nothing, with their parameters', () => {
    const values: unknown[] = [];
    const sql = prerankSql(
      { useCases: ['DOC_PROCESSING'], sector: '84.11Z', communeCode: '06088', buyerType: 'collectivite', minBudgetEur: 1, maxBudgetEur: 2 },
      { useCase: 0, proximity: 0, sovereignty: 10, sector: 0, text: 5, fit: 0 },
      (v) => {
        values.push(v);
        return `$${values.length}`;
      },
    );
    expect(sql).toBe('$1::int * (coalesce(o.sovereignty_score, 0))');
    expect(values).toEqual([10]);
  });
});

describe('bounded retrieval: what a left-out candidate can reach', () => {
  // Σ default weights = 100: a pre-rank of 8000 is a partial total of 80 points.
  it('keeps the whole text share plus half a point under the N-th best', () => {
    expect(prerankSlack(DEFAULT_WEIGHTS)).toBe(100 * 30 + 50);
    expect(excludedBelow(8000, DEFAULT_WEIGHTS)).toBeCloseTo(79.5, 10);
    expect(excludedBelow(null, DEFAULT_WEIGHTS)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('bounds an offering sharing no use case by every other criterion at 100', () => {
    expect(textOnlyBest(DEFAULT_WEIGHTS)).toBe(75);
    expect(textOnlyBest({ ...DEFAULT_WEIGHTS, useCase: 0 })).toBe(100);
  });

  it('runs text retrieval up front for weights that can never skip it', () => {
    // Text weighing 30 of 100 (decision 021): an offering sharing no use case may always reach the top.
    expect(textRetrievalSkippable(DEFAULT_WEIGHTS)).toBe(false);
    expect(textRetrievalSkippable({ ...DEFAULT_WEIGHTS, text: 10 })).toBe(true);
    expect(textRetrievalSkippable({ ...DEFAULT_WEIGHTS, useCase: 0 })).toBe(false);
    // Use case weighing less than half a point of the total: never skipped either.
    expect(textRetrievalSkippable({ useCase: 0, proximity: 0, sovereignty: 100, sector: 0, text: 100, fit: 0 })).toBe(false);
    expect(textRetrievalSkippable({ useCase: 1, proximity: 0, sovereignty: 100, sector: 0, text: 0, fit: 0 })).toBe(true);
  });

  it.each([
    ['the N-th total clears the bound by the rounding step', [90, 80.1], 2, 80, true],
    ['a tie after rounding is not enough', [90, 80.05], 2, 80, false],
    ['fewer than N items: not proven', [90], 2, 50, false],
    ['nothing left out', [90, 10], 2, Number.NEGATIVE_INFINITY, true],
  ])('%s', (_label, totals, n, below, expected) => {
    expect(boundHolds(totals, n, below)).toBe(expected);
  });

  it.each([
    ['the text share closes the gap', 70, 10, 80, true],
    ['within the rounding margin', 69.8, 10, 80, true],
    ['beyond it', 69.7, 10, 80, false],
  ])('second text round: %s', (_label, partial, share, floor, expected) => {
    expect(canReach(partial, share, floor)).toBe(expected);
  });
});

describe('totalOf: the total of scoreCandidate without its explanation', () => {
  it('is the same number on 2,000 random scores and weights', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const results = Object.fromEntries(CRITERIA.map((c) => [c, { score: next() * 110 - 5, reason: '' }])) as Parameters<
        typeof totalOf
      >[0];
      const weights = Object.fromEntries(CRITERIA.map((c) => [c, i % 7 === 0 ? 0 : Math.floor(next() * 101)])) as Weights;
      expect(totalOf(results, weights)).toBe(scoreCandidate('x', results, weights).total);
    }
  });
});
