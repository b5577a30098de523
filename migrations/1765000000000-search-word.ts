import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search backend's lexicon: every word (unaccented, lower case, 3 to 64 characters,
 * not a stop word) of the indexed offerings, for typo corrections word by word (decision 004). A typo phrase
 * used to fall to a trigram match over whole texts, p95 ≈ 0.5 s at 10k offerings.
 */
export class SearchWord1765000000000 implements MigrationInterface {
  name = 'SearchWord1765000000000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13, like pg_trgm and unaccent: no superuser needed.
    await q.query('CREATE EXTENSION IF NOT EXISTS fuzzystrmatch');
    // The one definition of a document's words, for the search adapter and this backfill alike:
    // three characters (a four-letter word less one typo) to 64 (longer runs are no words, and
    // would overflow a btree entry or levenshtein's 255), not a French stop word ("pour", "avec":
    // the search drops them).
    await q.query(`
      CREATE FUNCTION search_document_words(doc jsonb) RETURNS SETOF text LANGUAGE sql STABLE AS $$
        SELECT DISTINCT w
          FROM regexp_split_to_table(lower(unaccent(concat_ws(' ',
                 doc->>'title', doc->>'summary', doc->>'description', doc->>'vendorName',
                 (SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(doc->'useCaseLabels') x),
                 (SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(doc->'sectorLabels') x)))),
               '[^[:alnum:]]+') AS w
         WHERE length(w) BETWEEN 3 AND 64 AND to_tsvector('french', w) <> ''::tsvector
      $$`);
    await q.query('CREATE TABLE search_word (word text PRIMARY KEY)');
    // Corrections mostly keep the first letter and stay within two letters of the length: one index range.
    await q.query('CREATE INDEX search_word_shape_idx ON search_word (left(word, 1), length(word))');
    await q.query('INSERT INTO search_word (word) SELECT DISTINCT w FROM search_offering s, search_document_words(s.doc) AS w');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_word');
    await q.query('DROP FUNCTION search_document_words(jsonb)');
    await q.query('DROP EXTENSION IF EXISTS fuzzystrmatch');
  }
}
