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
