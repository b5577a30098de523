import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Narrower search rows (issue 22, decision 031): the catalogue search read ~1.9 KB per matched
 * offering, half of it the JSON document it only needs for the 20 offerings of a page. The document
 * moves to `search_document` (one row per offering, removed with it), which halves the rows every
 * text match and filter reads. The facet columns get one short text each (`area_key`,
 * `use_cases_key`), which the counting pass groups on instead of hashing three arrays per row.
 */
export class SearchNarrowRows1766700000000 implements MigrationInterface {
  name = 'SearchNarrowRows1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_document (
        id uuid PRIMARY KEY REFERENCES search_offering (id) ON DELETE CASCADE,
        doc jsonb NOT NULL
      )`);
    await q.query('INSERT INTO search_document (id, doc) SELECT id, doc FROM search_offering');
    await q.query(`ALTER TABLE search_offering
      ADD COLUMN area_key text NOT NULL DEFAULT '',
      ADD COLUMN use_cases_key text NOT NULL DEFAULT '',
      DROP COLUMN doc`);
    await q.query(
      `UPDATE search_offering
          SET area_key = CASE WHEN national THEN 'N' ELSE array_to_string(regions, ',') || '|' || array_to_string(departements, ',') END,
              use_cases_key = array_to_string(use_cases, ',')`,
    );
    // A dropped column keeps its bytes until the table is rewritten; CLUSTER rewrites it (with
    // the dropped values as nulls) in this transaction, in publication order as pages are read.
    await q.query('CLUSTER search_offering USING search_offering_published_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_offering ADD COLUMN doc jsonb`);
    await q.query('UPDATE search_offering s SET doc = d.doc FROM search_document d WHERE d.id = s.id');
    // An offering without its document cannot be shown: the indexer writes it again.
    await q.query('DELETE FROM search_offering WHERE doc IS NULL');
    await q.query('ALTER TABLE search_offering ALTER COLUMN doc SET NOT NULL, DROP COLUMN area_key, DROP COLUMN use_cases_key');
    await q.query('DROP TABLE search_document');
  }
}
