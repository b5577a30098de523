import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Slimmer search rows (issue 22, decision 040). A text search reads every offering it matches
 * (its rank and facets need them all), so its cost follows the width of `search_offering`: 870
 * bytes a row at 50,000 offerings, of which the text search itself needs the `tsvector` (260).
 * - An offering's facet values (use cases, régions, départements, national, grade, data residency)
 *   move to `search_facet_combo`, one row per distinct set of them, shared by every offering that
 *   has that set (6,140 rows for the 50,000 offerings of the bench catalogue); the offering keeps
 *   its number. Counting groups matched offerings by that number, then the few combinations by
 *   facet value; the filters on those facets pick combinations first.
 * - The phrase texts of the trigram match (the last-resort fallback) move beside the document.
 * The facet-count triggers now read an offering's values through its combination.
 */
export class SearchFacetCombos1766900000000 implements MigrationInterface {
  name = 'SearchFacetCombos1766900000000';

  async up(q: QueryRunner): Promise<void> {
    // Every write updates the counts of its combinations: room on each page keeps those updates
    // on the page (HOT), pruned as it is read, so the table stays small between vacuums.
    await q.query(`
      CREATE TABLE search_facet_combo (
        k serial PRIMARY KEY,
        national boolean NOT NULL,
        regions text[] NOT NULL,
        departements text[] NOT NULL,
        use_cases text[] NOT NULL,
        grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E')),
        data_residency text NOT NULL,
        area_key text NOT NULL,
        use_cases_key text NOT NULL,
        n integer NOT NULL DEFAULT 0,
        UNIQUE (area_key, use_cases_key, grade, data_residency)
      ) WITH (fillfactor = 50)`);
    // The keys say all the search reads: a national offering's listed places count nowhere.
    await q.query(`
      INSERT INTO search_facet_combo (national, regions, departements, use_cases, grade, data_residency, area_key, use_cases_key)
      SELECT DISTINCT ON (area_key, use_cases_key, grade, data_residency)
             national, regions, departements, use_cases, grade, data_residency, area_key, use_cases_key
        FROM search_offering ORDER BY area_key, use_cases_key, grade, data_residency, id`);
    await q.query('ALTER TABLE search_offering ADD COLUMN combo integer');
    await q.query(`
      UPDATE search_offering s SET combo = c.k FROM search_facet_combo c
       WHERE (c.area_key, c.use_cases_key, c.grade, c.data_residency) = (s.area_key, s.use_cases_key, s.grade, s.data_residency)`);
    await q.query('UPDATE search_facet_combo c SET n = x.n FROM (SELECT combo, count(*) AS n FROM search_offering GROUP BY combo) x WHERE x.combo = c.k');
    await q.query(`ALTER TABLE search_offering ALTER COLUMN combo SET NOT NULL,
      ADD CONSTRAINT search_offering_combo_fkey FOREIGN KEY (combo) REFERENCES search_facet_combo (k)`);
    await q.query('CREATE INDEX search_offering_combo_idx ON search_offering (combo)');

    await q.query('ALTER TABLE search_document ADD COLUMN title_norm text, ADD COLUMN search_text text');
    await q.query('UPDATE search_document d SET title_norm = s.title_norm, search_text = s.search_text FROM search_offering s WHERE s.id = d.id');
    await q.query('ALTER TABLE search_document ALTER COLUMN title_norm SET NOT NULL, ALTER COLUMN search_text SET NOT NULL');
    await q.query('CREATE INDEX search_document_trgm_idx ON search_document USING gin (search_text gin_trgm_ops)');

    await this.facetTriggers(q, 'JOIN search_facet_combo fc ON fc.k = r.combo', 'fc', true);
    // Their indexes go with the columns.
    await q.query(`ALTER TABLE search_offering
      DROP COLUMN use_cases, DROP COLUMN regions, DROP COLUMN departements, DROP COLUMN national,
      DROP COLUMN grade, DROP COLUMN data_residency, DROP COLUMN area_key, DROP COLUMN use_cases_key,
      DROP COLUMN title_norm, DROP COLUMN search_text`);
    // Dropped columns keep their bytes until the table is rewritten (decision 031).
    await q.query('CLUSTER search_offering USING search_offering_published_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_offering
      ADD COLUMN use_cases text[] NOT NULL DEFAULT '{}', ADD COLUMN regions text[] NOT NULL DEFAULT '{}',
      ADD COLUMN departements text[] NOT NULL DEFAULT '{}', ADD COLUMN national boolean NOT NULL DEFAULT false,
      ADD COLUMN grade text, ADD COLUMN data_residency text,
      ADD COLUMN area_key text NOT NULL DEFAULT '', ADD COLUMN use_cases_key text NOT NULL DEFAULT '',
      ADD COLUMN title_norm text, ADD COLUMN search_text text`);
    await q.query(`
      UPDATE search_offering s
         SET use_cases = c.use_cases, regions = c.regions, departements = c.departements, national = c.national,
             grade = c.grade, data_residency = c.data_residency, area_key = c.area_key, use_cases_key = c.use_cases_key,
             title_norm = d.title_norm, search_text = d.search_text
        FROM search_facet_combo c, search_document d
       WHERE c.k = s.combo AND d.id = s.id`);
    await q.query(`ALTER TABLE search_offering
      ALTER COLUMN grade SET NOT NULL, ALTER COLUMN data_residency SET NOT NULL,
      ALTER COLUMN title_norm SET NOT NULL, ALTER COLUMN search_text SET NOT NULL,
      ADD CONSTRAINT search_offering_grade_check CHECK (grade IN ('A', 'B', 'C', 'D', 'E'))`);
    await q.query('CREATE INDEX search_offering_use_cases_idx ON search_offering USING gin (use_cases)');
    await q.query('CREATE INDEX search_offering_regions_idx ON search_offering USING gin (regions)');
    await q.query('CREATE INDEX search_offering_departements_idx ON search_offering USING gin (departements)');
    await q.query('CREATE INDEX search_offering_trgm_idx ON search_offering USING gin (search_text gin_trgm_ops)');
    await this.facetTriggers(q, '', 'r', false);
    await q.query('ALTER TABLE search_offering DROP COLUMN combo');
    await q.query('DROP TABLE search_facet_combo');
    await q.query('ALTER TABLE search_document DROP COLUMN title_norm, DROP COLUMN search_text');
  }

  /**
   * The facet-count triggers of migration SearchFacetCounts, reading an offering's values from
   * `alias` (its combination, `join`ed, or the row itself before this migration); with `perCombo`,
   * they also keep each combination's number of offerings (`n`), which the filters on facets
   * alone count from.
   */
  private async facetTriggers(q: QueryRunner, join: string, alias: string, perCombo: boolean): Promise<void> {
    const values = (rows: string, d: number): string =>
      `SELECT f.facet, f.value, ${d} AS d FROM ${rows} r ${join},
         search_facet_values(${alias}.use_cases, ${alias}.regions, ${alias}.departements, ${alias}.national, ${alias}.grade, ${alias}.data_residency) f`;
    const combos = (rows: string, d: number): string => `SELECT r.combo, ${d} AS d FROM ${rows} r`;
    const body = (events: [string, number][]): string => `
      BEGIN
        INSERT INTO search_facet_count AS c (facet, value, n)
        SELECT facet, value, sum(d) FROM (${events.map(([rows, d]) => values(rows, d)).join(' UNION ALL ')}) x
         GROUP BY facet, value HAVING sum(d) <> 0 ORDER BY facet, value
        ON CONFLICT (facet, value) DO UPDATE SET n = c.n + EXCLUDED.n;
        ${
          perCombo
            ? `UPDATE search_facet_combo fc SET n = fc.n + x.d
                 FROM (SELECT combo, sum(d) AS d FROM (${events.map(([rows, d]) => combos(rows, d)).join(' UNION ALL ')}) y
                        GROUP BY combo HAVING sum(d) <> 0) x
                WHERE fc.k = x.combo;`
            : ''
        }
        RETURN NULL;
      END`;
    await q.query(`CREATE OR REPLACE FUNCTION search_facet_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$${body([['new_rows', 1]])}$$`);
    await q.query(`CREATE OR REPLACE FUNCTION search_facet_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$${body([['old_rows', -1]])}$$`);
    await q.query(
      `CREATE OR REPLACE FUNCTION search_facet_count_update() RETURNS trigger LANGUAGE plpgsql AS $$${body([
        ['new_rows', 1],
        ['old_rows', -1],
      ])}$$`,
    );
    await q.query(`CREATE OR REPLACE FUNCTION search_facet_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM search_facet_count; ${perCombo ? 'UPDATE search_facet_combo SET n = 0 WHERE n <> 0;' : ''} RETURN NULL; END$$`);
  }
}
