import {
  belowRelevanceFloor,
  fitCriterion,
  sovereigntyCriterion,
  specificityPercent,
  textCriterion,
  useCaseCriterion,
} from './criteria.js';
import { exclusions, serviceAreaReach, type EligibilityNeed, type EligibilityOffering } from './eligibility.js';
import type { RequirementProfile } from '../../sovereignty/hard-requirements.js';
import { compareCandidates, rankCandidates, scoreCandidate, type CriterionResult } from './ranking.js';
import { DEFAULT_WEIGHTS, weightProblems, type Criterion, type Weights } from './weights.js';

const results = (scores: Partial<Record<Criterion, number>>): Record<Criterion, CriterionResult> =>
  Object.fromEntries(
    (['useCase', 'proximity', 'sovereignty', 'sector', 'text', 'fit'] as Criterion[]).map((c) => [c, { score: scores[c] ?? 0, reason: c }]),
  ) as Record<Criterion, CriterionResult>;

describe('useCaseCriterion', () => {
  it.each([
    [['A'], ['A', 'B'], 100, "Couvre le cas d'usage demandé."],
    [['A', 'B'], ['A', 'B'], 100, "Couvre les 2 cas d'usage demandés."],
    [['A', 'B', 'C'], ['B'], 33, "Couvre 1 des 3 cas d'usage demandés."],
    [['A'], ['B'], 0, "Ne couvre aucun des cas d'usage demandés."],
    [[], ['B'], 0, "Le besoin ne précise aucun cas d'usage."],
  ])('%p against %p → %i', (need, offer, score, reason) => {
    expect(useCaseCriterion(need, offer)).toEqual({ score, reason });
  });

  // Issue 26: breadth must not pay. Up to three use cases keep full credit, then 300 / claimed, at least 20.
  it.each([
    [1, 100],
    [3, 100],
    [4, 75],
    [6, 50],
    [10, 30],
    [15, 20],
    [18, 20],
  ])('an offering claiming %i use cases keeps %i %% of its coverage', (claimed, percent) => {
    expect(specificityPercent(claimed)).toBe(percent);
  });

  it('gives a catch-all claiming all 18 use cases a fifth of what a specialist gets, and says why', () => {
    const all = Array.from({ length: 18 }, (_, i) => (i === 0 ? 'A' : `U${i}`));
    expect(useCaseCriterion(['A'], ['A'])).toEqual({ score: 100, reason: "Couvre le cas d'usage demandé." });
    expect(useCaseCriterion(['A'], all)).toEqual({
      score: 20,
      reason: "Couvre le cas d'usage demandé, mais l'offre revendique 18 cas d'usage : crédit réduit à 20 %.",
    });
    expect(useCaseCriterion(['A', 'B'], ['A', 'X', 'Y', 'Z', 'W', 'V']).score).toBe(25);
  });
});

describe('belowRelevanceFloor', () => {
  it.each<[string, string[], number, boolean, boolean]>([
    ['no shared use case, text under 50', ['B'], 49, true, true],
    ['no shared use case, text 50', ['B'], 50, true, false],
    ['no shared use case, even for a terse need', ['B'], 49, false, true],
    ['a shared use case, text under 20, the need says enough', ['A', 'B'], 19, true, true],
    ['a shared use case, text 20', ['A', 'B'], 20, true, false],
    ['a shared use case, no text, a terse need (the use case speaks)', ['A'], 0, false, false],
  ])('%s: below the floor = %p', (_label, offered, text, informative, below) => {
    expect(belowRelevanceFloor(['A'], offered, text, informative)).toBe(below);
  });
});

describe('fitCriterion', () => {
  const none = { minEur: null, maxEur: null };
  it.each([
    ['pme', ['pme'], { minEur: 10000, maxEur: 20000 }, { minEur: 5000, maxEur: 50000 }, 100],
    ['pme', [], { minEur: 10000, maxEur: 20000 }, { minEur: 5000, maxEur: 50000 }, 100],
    ['collectivite', ['pme'], { minEur: 10000, maxEur: 20000 }, { minEur: 5000, maxEur: 50000 }, 50],
    ['pme', ['pme'], { minEur: 10000, maxEur: 60000 }, { minEur: 5000, maxEur: 50000 }, 85],
    ['pme', ['pme'], { minEur: 1000, maxEur: 2000 }, { minEur: 5000, maxEur: 50000 }, 50],
    ['pme', ['pme'], none, { minEur: 5000, maxEur: 50000 }, 75],
  ])('%s targeting %p, budget %p vs %p → %i', (type, targets, need, offer, score) => {
    expect(fitCriterion(type, targets, need, offer).score).toBe(score);
  });
});

describe('sovereignty and text criteria', () => {
  it('uses the grade score and says whether it is verified', () => {
    expect(sovereigntyCriterion(74, 'B', true)).toEqual({ score: 74, reason: 'Note de souveraineté B (74/100), vérifiée.' });
    expect(sovereigntyCriterion(35, 'D', false).reason).toContain('déclarative');
  });
  it.each([
    [75, 'forte'],
    [40, 'moyenne'],
    [10, 'faible'],
    [0, 'nulle'],
    [140, 'forte'],
  ])('text relevance %i is %s', (relevance, level) => {
    const r = textCriterion(relevance);
    expect(r.reason).toContain(level);
    expect(r.score).toBeLessThanOrEqual(100);
  });
});

describe('scoreCandidate', () => {
  it('is the weighted mean, and the contributions add up to the total', () => {
    const scored = scoreCandidate(
      'o1',
      results({ useCase: 100, proximity: 80, sovereignty: 74, sector: 65, text: 33, fit: 50 }),
      DEFAULT_WEIGHTS,
    );
    const expected = (100 * 25 + 80 * 15 + 74 * 15 + 65 * 10 + 33 * 30 + 50 * 5) / 100;
    expect(Math.abs(scored.total - expected)).toBeLessThanOrEqual(0.05 + 1e-9); // rounded to one decimal
    const sum = scored.criteria.reduce((acc, c) => acc + c.contribution, 0);
    expect(Math.abs(sum - scored.total)).toBeLessThanOrEqual(0.3);
    expect(scored.criteria.find((c) => c.criterion === 'useCase')).toMatchObject({ score: 100, weight: 25, contribution: 25 });
  });

  it('is 0 when every weight is 0', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])) as Weights;
    expect(scoreCandidate('o', results({ useCase: 100 }), zero).total).toBe(0);
  });

  it('clamps criterion scores to 0–100', () => {
    const scored = scoreCandidate('o', results({ useCase: 150, text: -20 }), DEFAULT_WEIGHTS);
    expect(scored.criteria.find((c) => c.criterion === 'useCase')?.score).toBe(100);
    expect(scored.criteria.find((c) => c.criterion === 'text')?.score).toBe(0);
  });
});

describe('ranking and ties', () => {
  const equal = { useCase: 100, sector: 50, text: 50, fit: 50 };
  it('breaks ties on sovereignty, then proximity, then offering id', () => {
    const w: Weights = { useCase: 0, proximity: 0, sovereignty: 0, sector: 1, text: 0, fit: 0 };
    const a = scoreCandidate('b-offer', results({ ...equal, sovereignty: 90, proximity: 30 }), w);
    const b = scoreCandidate('a-offer', results({ ...equal, sovereignty: 60, proximity: 100 }), w);
    const c = scoreCandidate('c-offer', results({ ...equal, sovereignty: 60, proximity: 100 }), w);
    const d = scoreCandidate('d-offer', results({ ...equal, sovereignty: 60, proximity: 80 }), w);
    expect(rankCandidates([d, c, b, a]).map((x) => x.offeringId)).toEqual(['b-offer', 'a-offer', 'c-offer', 'd-offer']);
    expect(compareCandidates(b, c)).toBeLessThan(0);
  });

  it('a higher weight on sovereignty reorders as expected', () => {
    const local = results({ useCase: 100, proximity: 100, sovereignty: 40 });
    const sovereign = results({ useCase: 100, proximity: 30, sovereignty: 99 });
    const base = rankCandidates([scoreCandidate('local', local, DEFAULT_WEIGHTS), scoreCandidate('sovereign', sovereign, DEFAULT_WEIGHTS)]);
    expect(base[0].offeringId).toBe('local');
    const heavy = { ...DEFAULT_WEIGHTS, sovereignty: 60 };
    const reweighted = rankCandidates([scoreCandidate('local', local, heavy), scoreCandidate('sovereign', sovereign, heavy)]);
    expect(reweighted[0].offeringId).toBe('sovereign');
  });
});

describe('weightProblems', () => {
  it('accepts the defaults', () => expect(weightProblems({ ...DEFAULT_WEIGHTS })).toEqual([]));
  it.each([
    [{ ...DEFAULT_WEIGHTS, text: -1 }, 'text'],
    [{ ...DEFAULT_WEIGHTS, fit: 2.5 }, 'fit'],
    [{ ...DEFAULT_WEIGHTS, sector: 101 }, 'sector'],
    [{ ...DEFAULT_WEIGHTS, price: 3 }, 'price'],
    [{ useCase: 0, proximity: 0, sovereignty: 0, sector: 0, text: 0, fit: 0 }, 'positive'],
  ])('refuses %p', (weights, word) => {
    expect(weightProblems(weights).join(' ')).toContain(word);
  });
});

describe('eligibility', () => {
  const profile: RequirementProfile = {
    vendor: { hqJurisdiction: 'FR', nonEuControl: 'NONE', extraterritorialExposure: 'NO' },
    hosting: { dataResidency: 'FR', providerJurisdiction: 'FR', nonEuRemoteAccess: false, deploymentModes: ['SAAS_SHARED'] },
    certifications: { secNumCloud: 'NONE', iso27001: true, hds: false },
    ai: {
      modelOrigin: 'FR',
      modelLicence: 'OSI_OPEN_SOURCE',
      inferenceHosting: 'VENDOR_HOSTED_EU',
      trainingOnCustomerData: 'NEVER',
      aiActRiskClass: 'MINIMAL',
    },
    gdpr: { dpaArt28: true, subprocessorsPublic: true, nonEuTransfers: 'NONE' },
    reversibility: { dataExportOpenFormat: true },
  };
  const need: EligibilityNeed = {
    departementCode: '06',
    regionCode: '93',
    acceptsRemote: false,
    requirements: ['DATA_IN_FRANCE'],
    minGrade: 'B',
    budgetMinEur: 10000,
    budgetMaxEur: 30000,
    budgetFirm: true,
  };
  const offering: EligibilityOffering = {
    published: true,
    vendorVerified: true,
    profile,
    grade: 'A',
    serviceArea: { national: false, regions: ['93'], departements: [], remoteDelivery: false },
    minBudgetEur: 5000,
    maxBudgetEur: 50000,
  };

  it('accepts an offering that meets every rule', () => expect(exclusions(need, offering)).toEqual([]));

  it.each<[string, Partial<EligibilityOffering>, string]>([
    ['a draft', { published: false }, 'NOT_PUBLISHED'],
    ['an unverified vendor', { vendorVerified: false }, 'VENDOR_NOT_VERIFIED'],
    ['US hosting', { profile: { ...profile, hosting: { ...profile.hosting, dataResidency: 'OTHER' } } }, 'DATA_IN_FRANCE'],
    ['grade C under a B minimum', { grade: 'C' }, 'MIN_GRADE'],
    [
      'another région only',
      { serviceArea: { national: false, regions: ['84'], departements: ['69'], remoteDelivery: false } },
      'SERVICE_AREA',
    ],
    [
      'remote only when presence is needed',
      { serviceArea: { national: false, regions: [], departements: [], remoteDelivery: true } },
      'SERVICE_AREA',
    ],
    ['a price floor above the budget', { minBudgetEur: 40000, maxBudgetEur: 90000 }, 'BUDGET'],
    ['a price ceiling under the budget', { minBudgetEur: 1000, maxBudgetEur: 5000 }, 'BUDGET'],
  ])('excludes %s with the rule and a reason', (_label, change, rule) => {
    const found = exclusions(need, { ...offering, ...change });
    expect(found.map((e) => e.rule)).toEqual([rule]);
    expect(found[0].reason).toMatch(/\.$/);
  });

  it.each<[Partial<EligibilityNeed>, EligibilityOffering['serviceArea'], string | null]>([
    [{}, { national: true, regions: [], departements: [], remoteDelivery: false }, 'national'],
    [{}, { national: false, regions: [], departements: ['06'], remoteDelivery: false }, 'departement'],
    [{}, { national: false, regions: ['93'], departements: [], remoteDelivery: false }, 'region'],
    [{ acceptsRemote: true }, { national: false, regions: [], departements: [], remoteDelivery: true }, 'remote'],
    [{}, { national: false, regions: [], departements: ['83'], remoteDelivery: false }, null],
  ])('service area reach with %p and %p is %p', (needChange, area, reach) => {
    expect(serviceAreaReach({ ...need, ...needChange }, area)).toBe(reach);
  });

  it.each<[string, Partial<EligibilityOffering>]>([
    ['a price floor above the budget', { minBudgetEur: 40000, maxBudgetEur: 90000 }],
    ['a price ceiling under the budget', { minBudgetEur: 1000, maxBudgetEur: 5000 }],
  ])('keeps %s when the budget is not firm: the fit criterion scores it instead', (_label, change) => {
    expect(exclusions({ ...need, budgetFirm: false }, { ...offering, ...change })).toEqual([]);
  });

  it('does not compare budgets when either side gives none', () => {
    expect(exclusions({ ...need, budgetMinEur: null, budgetMaxEur: null }, { ...offering, minBudgetEur: 90000 })).toEqual([]);
    expect(exclusions(need, { ...offering, minBudgetEur: null, maxBudgetEur: null })).toEqual([]);
  });
});
