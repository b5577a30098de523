import type { CandidatePair } from './schedule-types.js';

/*
 * What a meeting is worth to the scheduler (decision 028). Tiers dominate the score: a mutual
 * wish (1000) outweighs any one-sided one (100), which outweighs a ranking-only pair (≤ 10), so the
 * score only breaks ties inside a tier. The gap is wide enough that seating one meeting of a higher
 * tier is never traded for the handful of lower-tier meetings a single seat could make room for.
 */
export const MUTUAL_WISH_WEIGHT = 1000;
export const ONE_SIDED_WISH_WEIGHT = 100;
/** A ranking-only pair is worth 1 + 9 × score: never zero, so free seats are still used. */
export const RANKING_WEIGHT_SPAN = 9;

export function pairWeight(pair: Pick<CandidatePair, 'score' | 'buyerWishes' | 'vendorWishes'>): number {
  const score = Math.min(1, Math.max(0, pair.score));
  const tier =
    pair.buyerWishes && pair.vendorWishes ? MUTUAL_WISH_WEIGHT : pair.buyerWishes || pair.vendorWishes ? ONE_SIDED_WISH_WEIGHT : 0;
  return tier + 1 + Math.round(RANKING_WEIGHT_SPAN * score * 100) / 100;
}

export function pairKey(buyerId: string, vendorId: string): string {
  return `${buyerId}|${vendorId}`;
}
