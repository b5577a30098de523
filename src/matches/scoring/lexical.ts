/**
 * Text relevance as a lexical model (issue 26, decision 021): BM25 over the distinct French
 * lexemes of the offering's own words, term frequency 1 (repetition earns nothing), scaled 0–100
 * against the need's own best possible sum. The SQL is in `OfferingTextRepository`; the scale here.
 */

/** BM25's saturation and length normalisation (the usual values; with term frequency 1, k1 only scales). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Text retrieval reads the postings of lexemes at most this many offerings have. */
export const RETRIEVAL_MAX_DF = 2000;

/**
 * Share of the need's idf mass an offering must hold (at average length) for full marks: a need
 * says more than any offering answers, so a substantive answer covers part of it. Set on the
 * judged set (`npm run bench:relevance`, decision 021).
 */
export const FULL_MARKS_SHARE = 0.5;

/**
 * A need whose text has fewer words the catalogue knows than this says too little for a weak text
 * match to rule an offering sharing its use case out (vocabulary differs; the use case speaks).
 */
export const MIN_NEED_TERMS = 6;

/**
 * The text criterion's 0–100 from an offering's BM25 sum and the need's ideal sum, times the
 * offering's keyword-stuffing damping (1 for ordinary prose), applied after the cap so that a
 * stuffed text pays even when it covers the need's words.
 */
export function lexicalScore(sum: number, ideal: number, damping = 1): number {
  if (!(ideal > 0) || !(sum > 0)) return 0;
  return Math.round(Math.min(100, (100 * sum) / (ideal * FULL_MARKS_SHARE)) * Math.max(0, Math.min(1, damping)));
}
