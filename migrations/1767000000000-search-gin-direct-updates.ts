import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue search's GIN indexes: its text, its trigram fallback and the requirements filter. */
const INDEXES = ['search_offering_tsv_idx', 'search_offering_requirements_idx', 'search_document_trgm_idx'];

/**
 * The catalogue search's GIN indexes take their new entries at once, with no pending list (issue
 * 22, decision 040). By default (`fastupdate`), PostgreSQL appends new entries to a pending list,
 * merged into the index only by a vacuum or once the list reaches 4 MB. Until then, every search
 * reads the whole list: 129 pages after indexing 50,000 offerings, which cost a text search 2–4 ms
 * and a partial match up to 10. A catalogue is written a few times an hour and searched all day:
 * the writes pay instead (the bench's ingest of 50,000 offerings takes longer).
 */
export class SearchGinDirectUpdates1767000000000 implements MigrationInterface {
  name = 'SearchGinDirectUpdates1767000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await q.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
      // What the list holds already goes into the index now.
      await q.query('SELECT gin_clean_pending_list($1::regclass)', [index]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.query(`ALTER INDEX ${index} RESET (fastupdate)`);
  }
}
