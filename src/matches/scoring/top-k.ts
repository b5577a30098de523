import { CRITERIA, type Weights } from './weights.js';

/**
 * Upper bound pruning for a top-k: with every criterion but `text` known, a candidate whose best
 * possible total (text at 100) stays below the k-th best worst total (text at 0) cannot enter the
 * top k, so its text relevance need not be asked for. `margin` absorbs the 0.1 rounding of totals.
 */
export function needsTextScore(partialTotals: readonly number[], textShare: number, k: number, margin = 0.1): boolean[] {
  if (partialTotals.length <= k || textShare <= 0) return partialTotals.map(() => true);
  const kth = [...partialTotals].sort((a, b) => b - a)[k - 1];
  return partialTotals.map((p) => p + textShare + margin >= kth);
}

/*
 * Bounded retrieval (decision 010). SQL pre-ranks every eligible candidate by `prerank`, the
 * Σ weight × score of every criterion but text (see prerank.ts), and returns only those within
 * `prerankSlack` of the N-th best. A candidate left out totals at most its pre-rank / Σ weights
 * plus the whole text share, which is below `excludedBelow`; so is an offering sharing no use case
 * with the need when `textOnlyBest` is. The ranking of what is kept is then exact, and equal to
 * the exhaustive one whenever `boundHolds` for its N-th total (checked on every bounded ranking).
 */
export const weightSum = (weights: Weights): number => CRITERIA.reduce((acc, c) => acc + weights[c], 0);

/** The points the text criterion can bring to a total (its weight's share of 100); 0 when every weight is 0. */
export function textShare(weights: Weights): number {
  const sum = weightSum(weights);
  return sum === 0 ? 0 : (100 * weights.text) / sum;
}

/** How far under the N-th best pre-rank a candidate is still kept: the whole text share plus half a point. */
export function prerankSlack(weights: Weights): number {
  return 100 * weights.text + 0.5 * weightSum(weights);
}

/** Every candidate a bounded retrieval left out totals strictly less than this (in points). */
export function excludedBelow(kthPrerank: number | null, weights: Weights): number {
  const sum = weightSum(weights);
  if (kthPrerank === null || sum === 0) return Number.NEGATIVE_INFINITY;
  return (kthPrerank - prerankSlack(weights)) / sum + textShare(weights);
}

/** The best total an offering sharing none of the need's use cases can reach: every other criterion at 100. */
export function textOnlyBest(weights: Weights): number {
  const sum = weightSum(weights);
  return sum === 0 ? 0 : (100 * (sum - weights.useCase)) / sum;
}

/**
 * Whether a bounded top N is the exhaustive one: N items, the last of which totals more than any
 * left-out candidate can, after the 0.1 rounding of totals (so no tie-break can reorder them).
 */
export function boundHolds(totals: readonly number[], n: number, below: number): boolean {
  return totals.length >= n && totals[n - 1] >= below + 0.1;
}

/**
 * Whether a candidate whose total without text is `partial` can still reach `floor`, a total
 * already reached by N candidates, once its text is known (at best the whole text share). `margin`
 * covers the 0.1 rounding of both totals.
 */
export function canReach(partial: number, textShare: number, floor: number, margin = 0.2): boolean {
  return partial + textShare + margin >= floor;
}

/**
 * Whether these weights can ever leave text retrieval out: only if an offering sharing no use case
 * can total less than the best pre-rank possible (every criterion but text at 100) can reach.
 */
export function textRetrievalSkippable(weights: Weights): boolean {
  const sum = weightSum(weights);
  return sum > 0 && textOnlyBest(weights) < (100 * (sum - weights.text)) / sum - 0.5;
}
