import type { Settings } from 'meilisearch';
import { FACETS } from '../offering-document.js';
import { TYPO_BUDGET } from '../typo-budget.js';

export const OFFERINGS_INDEX = 'offerings';

/** Applied at start, idempotently. Order of searchable attributes = ranking weight: title first. */
export const OFFERINGS_SETTINGS: Settings = {
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
  localizedAttributes: [{ attributePatterns: ['title', 'summary', 'description', 'useCaseLabels', 'sectorLabels'], locales: ['fra'] }],
  typoTolerance: { enabled: true, minWordSizeForTypos: { ...TYPO_BUDGET } },
  stopWords: ['le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'pour', 'en', 'au', 'aux', 'à', "d'", "l'"],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 100_000 },
};

export const FACET_ATTRIBUTES = [...FACETS];
