import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facet counts of the whole catalogue, kept by triggers on `search_offering` in the same
 * transaction as every write: the empty catalogue page (no text, no filter) reads ~150 rows
 * instead of counting 50,000 offerings (p95 ≈ 1 s at 50k, decision 031). Place facets count the
 * offerings that are not national, as the search does; `total` and `national` ride along.
 */
export class SearchFacetCounts1766500000000 implements MigrationInterface {
  name = 'SearchFacetCounts1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_facet_count (
      facet text NOT NULL, value text NOT NULL, n integer NOT NULL, PRIMARY KEY (facet, value))`);
    // The (facet, value) pairs one offering counts for: the single definition the triggers and the
    // backfill share. Mirrors the grouping sets of PostgresSearchIndex.matchedCounts.
    await q.query(`
      CREATE FUNCTION search_facet_values(in_use_cases text[], in_regions text[], in_departements text[], in_national boolean,
                                          in_grade text, in_data_residency text)
        RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE AS $$
          SELECT 'total', ''
          UNION ALL SELECT 'national', '' WHERE in_national
          UNION ALL SELECT 'useCases', v FROM unnest(in_use_cases) v WHERE v IS NOT NULL
          UNION ALL SELECT 'regions', v FROM unnest(in_regions) v WHERE v IS NOT NULL AND NOT in_national
          UNION ALL SELECT 'departements', v FROM unnest(in_departements) v WHERE v IS NOT NULL AND NOT in_national
          UNION ALL SELECT 'grade', in_grade WHERE in_grade IS NOT NULL
          UNION ALL SELECT 'dataResidency', in_data_residency WHERE in_data_residency IS NOT NULL
      $$`);
    // One statement-level trigger per event, on its transition tables. Rows are upserted in key
    // order, so two concurrent writers lock them in the same order and never deadlock.
    const deltas = {
      insert: `SELECT f.facet, f.value, 1 AS d FROM new_rows r,
                 search_facet_values(r.use_cases, r.regions, r.departements, r.national, r.grade, r.data_residency) f`,
      delete: `SELECT f.facet, f.value, -1 AS d FROM old_rows r,
                 search_facet_values(r.use_cases, r.regions, r.departements, r.national, r.grade, r.data_residency) f`,
    };
    const body = (rows: string): string => `
      BEGIN
        INSERT INTO search_facet_count AS c (facet, value, n)
        SELECT facet, value, sum(d) FROM (${rows}) x GROUP BY facet, value HAVING sum(d) <> 0 ORDER BY facet, value
        ON CONFLICT (facet, value) DO UPDATE SET n = c.n + EXCLUDED.n;
        RETURN NULL;
      END`;
    await q.query(`CREATE FUNCTION search_facet_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$${body(deltas.insert)}$$`);
    await q.query(`CREATE FUNCTION search_facet_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$${body(deltas.delete)}$$`);
    await q.query(
      `CREATE FUNCTION search_facet_count_update() RETURNS trigger LANGUAGE plpgsql AS $$${body(`${deltas.insert} UNION ALL ${deltas.delete}`)}$$`,
    );
    await q.query(`CREATE TRIGGER search_facet_count_insert AFTER INSERT ON search_offering
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_insert()`);
    await q.query(`CREATE TRIGGER search_facet_count_update AFTER UPDATE ON search_offering
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_update()`);
    await q.query(`CREATE TRIGGER search_facet_count_delete AFTER DELETE ON search_offering
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_delete()`);
    await q.query(`CREATE FUNCTION search_facet_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM search_facet_count; RETURN NULL; END$$`);
    await q.query(`CREATE TRIGGER search_facet_count_truncate AFTER TRUNCATE ON search_offering
      FOR EACH STATEMENT EXECUTE FUNCTION search_facet_count_truncate()`);
    await q.query(`INSERT INTO search_facet_count (facet, value, n)
      SELECT f.facet, f.value, count(*) FROM search_offering r,
             search_facet_values(r.use_cases, r.regions, r.departements, r.national, r.grade, r.data_residency) f
       GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await q.query(`DROP TRIGGER search_facet_count_${event} ON search_offering`);
      await q.query(`DROP FUNCTION search_facet_count_${event}()`);
    }
    await q.query('DROP FUNCTION search_facet_values(text[], text[], text[], boolean, text, text)');
    await q.query('DROP TABLE search_facet_count');
  }
}
