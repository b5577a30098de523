import type { Facet, OfferingDocument } from './offering-document.js';

export interface CatalogueQuery {
  /** Free text; typo-tolerant and accent-insensitive. Empty = all, in a stable order. */
  q?: string;
  /** Any of these use cases. */
  useCases?: string[];
  /** Any of these NAF codes. */
  sectors?: string[];
  /** Served in this région (national offerings included). */
  region?: string;
  /** Served in this département (national offerings included). */
  departement?: string;
  /** Any of these grades. */
  grades?: string[];
  /** Any of these data residencies (where customer data live: the catalogue's hosting facet). */
  dataResidencies?: string[];
  /** All of these hard requirements met. */
  requirements?: string[];
  vendorId?: string;
  page: number;
  pageSize: number;
}

export interface CatalogueHit {
  document: OfferingDocument;
}

export interface CatalogueResult {
  items: CatalogueHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<Facet, Record<string, number>>;
}

export interface SearchHealth {
  backend: 'postgres' | 'meilisearch';
  ok: boolean;
  detail?: string;
}

/** The search port of DESIGN §6. Adapters: PostgreSQL full-text (default) and Meilisearch. */
export interface SearchIndex {
  readonly backend: 'postgres' | 'meilisearch';
  /** Applies settings; idempotent, called at start. */
  prepare(): Promise<void>;
  /** Inserts or replaces documents; an older version never replaces a newer one. */
  upsert(documents: OfferingDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: CatalogueQuery): Promise<CatalogueResult>;
  /** Every indexed id: to check convergence against the database. */
  listIds(): Promise<string[]>;
  /** Removes every document (before a full reindex). */
  clear(): Promise<void>;
  health(): Promise<SearchHealth>;
}

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/** Why a search backend cannot answer now; anything else a backend throws is a bug (500). */
export type SearchUnavailableReason = 'unreachable' | 'unauthorized' | 'index_missing' | 'not_ready';

/**
 * The search backend cannot answer for now (down, timed out, key refused, index being rebuilt):
 * callers answer 503. A query the backend rejects as malformed is not this: it is our bug.
 */
export class SearchUnavailableError extends Error {
  constructor(
    readonly reason: SearchUnavailableReason,
    message: string,
  ) {
    super(message);
    this.name = 'SearchUnavailableError';
  }
}

/** Folds the typographic apostrophes and quotes users paste from word processors. */
export function normaliseQuery(q: string | undefined): string {
  return (q ?? '')
    .replace(/[\u2019\u2018\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}
