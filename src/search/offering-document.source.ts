import type { OfferingDocument } from './offering-document.js';

/**
 * Where search documents come from: the offerings feature, reading PostgreSQL (the source of
 * truth). The search indexer asks it for the current state of the offerings named in outbox
 * events, so delivering an event twice, late or out of order still converges.
 */
export interface OfferingDocumentSource {
  /** Documents of those of `ids` that are published now; archived, draft or missing ids are absent. */
  documentsFor(ids: string[]): Promise<OfferingDocument[]>;
  /** Ids of published offerings after `afterId` (ordered by id), `limit` at most: for reindexing. */
  publishedIdsAfter(afterId: string | null, limit: number): Promise<string[]>;
}

export const OFFERING_DOCUMENT_SOURCE = Symbol('OFFERING_DOCUMENT_SOURCE');

/** Outbox topic written whenever something a search document shows may have changed. */
export const OFFERING_CHANGED = 'offering.changed';
