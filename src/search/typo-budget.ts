/**
 * How many typos a query word may carry, by its length: the Meilisearch index's
 * `minWordSizeForTypos`, and the PostgreSQL backend's corrections (decision 004), from one place.
 * A typo on the first letter counts as two, as Meilisearch counts it.
 */
export const TYPO_BUDGET = { oneTypo: 4, twoTypos: 8 } as const;
