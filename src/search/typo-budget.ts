/**
 * How many typos a query word may carry, by its length: the Meilisearch index's
 * `minWordSizeForTypos`, and the PostgreSQL backend's corrections (decision 004), from one place.
 * A typo on the first letter counts as two, as Meilisearch counts it.
 */
export const TYPO_BUDGET = { oneTypo: 4, twoTypos: 8 } as const;

/**
 * When a text query finds fewer offerings than this with every word, both backends add those
 * matching fewer of its words, ranked after (PostgreSQL's partial mode, Meilisearch's `last`
 * matching strategy): a search never dead-ends on one word too many (issue 22, decision 031).
 */
export const PARTIAL_BELOW = 10;
