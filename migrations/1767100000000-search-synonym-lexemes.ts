import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Synonym groups stored as lexemes (issue 22, decision 040): which synonym table the lexemes of
 * the indexed offerings were built from. Null until the app, at start, has built them for every
 * offering; until then, and whenever it differs from the app's own table, a search looks the
 * expressions up themselves, as before.
 */
export class SearchSynonymLexemes1767100000000 implements MigrationInterface {
  name = 'SearchSynonymLexemes1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE search_generation ADD COLUMN synonyms text');
  }

  async down(q: QueryRunner): Promise<void> {
    // The lexemes left in the offerings' tsvectors match no word a query can have.
    await q.query('ALTER TABLE search_generation DROP COLUMN synonyms');
  }
}
