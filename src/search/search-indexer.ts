import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { OutboxEvent, OutboxHandler } from '../outbox/outbox.types.js';
import { OutboxWorker } from '../outbox/outbox.worker.js';
import { OFFERING_CHANGED, OFFERING_DOCUMENT_SOURCE, type OfferingDocumentSource } from './offering-document.source.js';
import { SEARCH_INDEX, type SearchIndex } from './search-index.port.js';

export interface ReindexReport {
  indexed: number;
  removed: number;
  seconds: number;
}

/**
 * Keeps the search index in step with PostgreSQL. Outbox events only name offerings; the current
 * state is read from the database at delivery, so duplicates, delays and reordering converge.
 */
@Injectable()
export class SearchIndexer implements OutboxHandler, OnModuleInit {
  readonly name = 'search-indexer';

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(OFFERING_DOCUMENT_SOURCE) private readonly source: OfferingDocumentSource,
    private readonly worker: OutboxWorker,
  ) {}

  onModuleInit(): void {
    this.worker.register(this);
  }

  handles(topic: string): boolean {
    return topic === OFFERING_CHANGED;
  }

  async deliver(events: OutboxEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => e.payload.offeringId).filter((id): id is string => typeof id === 'string'))];
    await this.sync(ids);
  }

  /** Upserts the published ones among `ids` and removes the others from the index. */
  async sync(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const documents = await this.source.documentsFor(ids);
    const present = new Set(documents.map((d) => d.id));
    await this.index.upsert(documents);
    await this.index.remove(ids.filter((id) => !present.has(id)));
  }

  /**
   * Rebuilds the index from PostgreSQL without emptying it first (search keeps answering):
   * every published offering is upserted, then whatever the index holds beyond them is removed.
   */
  async reindex(onProgress: (done: number) => void = () => undefined, batchSize = 500): Promise<ReindexReport> {
    const started = Date.now();
    const published = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const ids = await this.source.publishedIdsAfter(after, batchSize);
      if (ids.length === 0) break;
      await this.index.upsert(await this.source.documentsFor(ids));
      ids.forEach((id) => published.add(id));
      after = ids[ids.length - 1];
      onProgress(published.size);
    }
    const stale = (await this.index.listIds()).filter((id) => !published.has(id));
    await this.index.remove(stale);
    return { indexed: published.size, removed: stale.length, seconds: (Date.now() - started) / 1000 };
  }
}
