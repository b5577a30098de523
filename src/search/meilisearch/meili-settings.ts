import type { Settings } from 'meilisearch';
import { TYPO_BUDGET } from '../typo-budget.js';
import { meiliSynonyms } from '../synonyms.js';
import { MEILI_STOP_WORDS } from './french-stop-words.js';

export const OFFERINGS_INDEX = 'offerings';

/**
 * Applied at start, idempotently, and again whenever the index or its settings are found lost.
 * Chosen to mean what the PostgreSQL backend means (README "Search", decision 018): every word
 * required (then, when that finds nothing, the last words dropped first), no prefix matching,
 * PostgreSQL's French stop words, the shared synonym table (src/search/data/synonyms.json), the shared typo
 * budget, and ties broken by the same `publishedAt desc, id` as PostgreSQL's ORDER BY.
 */
export const OFFERINGS_SETTINGS: Settings = {
  // Order of searchable attributes = ranking weight: title first, as PostgreSQL's weight A.
  searchableAttributes: ['title', 'summary', 'useCaseLabels', 'vendorName', 'description', 'sectorLabels'],
  filterableAttributes: [
    'id',
    'useCases',
    'sectors',
    'regions',
    'departements',
    'national',
    'grade',
    'dataResidency',
    'requirementsMet',
    'vendorId',
  ],
  sortableAttributes: ['publishedAt', 'id', 'sovereigntyScore'],
  // `sort` last: with text, the sort only breaks ties of relevance, as in PostgreSQL's ORDER BY.
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort'],
  localizedAttributes: [{ attributePatterns: ['title', 'summary', 'description', 'useCaseLabels', 'sectorLabels'], locales: ['fra'] }],
  typoTolerance: { enabled: true, minWordSizeForTypos: { ...TYPO_BUDGET } },
  // PostgreSQL's tsquery matches whole words (stems) only: no "factu" finding "factures".
  prefixSearch: 'disabled',
  stopWords: [...MEILI_STOP_WORDS],
  synonyms: meiliSynonyms(),
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 100_000 },
};

/** The catalogue's order, on both backends: relevance first when there is text, then this. */
export const CATALOGUE_SORT = ['publishedAt:desc', 'id:asc'];
