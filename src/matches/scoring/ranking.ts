import { CRITERIA, type Criterion, type Weights } from './weights.js';

/** One criterion's verdict: 0–100 and the one-line French reason shown to people. */
export interface CriterionResult {
  score: number;
  reason: string;
}

export interface ExplainedCriterion extends CriterionResult {
  criterion: Criterion;
  weight: number;
  /** Points this criterion adds to the total: score × weight / Σ weights. */
  contribution: number;
}

export interface ScoredCandidate {
  offeringId: string;
  total: number;
  criteria: ExplainedCriterion[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp = (x: number): number => Math.max(0, Math.min(100, x));

/** Weighted mean of the criteria, with each contribution so the explanation adds up to the total. */
export function scoreCandidate(offeringId: string, results: Record<Criterion, CriterionResult>, weights: Weights): ScoredCandidate {
  const sum = CRITERIA.reduce((acc, c) => acc + weights[c], 0);
  const criteria = CRITERIA.map((criterion) => {
    const score = clamp(Math.round(results[criterion].score));
    return {
      criterion,
      score,
      reason: results[criterion].reason,
      weight: weights[criterion],
      contribution: sum === 0 ? 0 : round1((score * weights[criterion]) / sum),
    };
  });
  const exact = sum === 0 ? 0 : CRITERIA.reduce((acc, c, i) => acc + (criteria[i].score * weights[c]) / sum, 0);
  return { offeringId, total: round1(exact), criteria };
}

/** `scoreCandidate(...).total` alone, the same arithmetic with no explanation built: for scoring many candidates. */
export function totalOf(results: Record<Criterion, CriterionResult>, weights: Weights): number {
  const sum = CRITERIA.reduce((acc, c) => acc + weights[c], 0);
  if (sum === 0) return 0;
  let exact = 0;
  for (const c of CRITERIA) exact += (clamp(Math.round(results[c].score)) * weights[c]) / sum;
  return round1(exact);
}

const scoreOf = (c: ScoredCandidate, criterion: Criterion): number => c.criteria.find((x) => x.criterion === criterion)?.score ?? 0;

/** DESIGN §5.4: total, then sovereignty, then proximity, then offering id — deterministic. */
export function compareCandidates(a: ScoredCandidate, b: ScoredCandidate): number {
  return (
    b.total - a.total ||
    scoreOf(b, 'sovereignty') - scoreOf(a, 'sovereignty') ||
    scoreOf(b, 'proximity') - scoreOf(a, 'proximity') ||
    (a.offeringId < b.offeringId ? -1 : a.offeringId > b.offeringId ? 1 : 0)
  );
}

export function rankCandidates(candidates: ScoredCandidate[]): ScoredCandidate[] {
  return [...candidates].sort(compareCandidates);
}
