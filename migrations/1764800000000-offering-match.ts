import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The offering's own columns the projection copies, under their own names (`requirementsSql` reads them so). */
const OFFERING_COLUMNS = [
  'vendor_id', 'use_cases', 'sectors', 'service_national', 'service_regions', 'service_departements', 'remote_delivery',
  'min_budget_eur', 'max_budget_eur', 'target_buyer_types', 'sovereignty_score', 'sovereignty_grade', 'grade_verified',
  'data_residency', 'provider_jurisdiction', 'hq_jurisdiction', 'non_eu_remote_access', 'sec_num_cloud', 'hds', 'iso27001',
  'model_origin', 'model_licence', 'inference_hosting', 'training_on_customer_data', 'dpa_art28', 'non_eu_transfers',
  'extraterritorial_exposure', 'non_eu_control', 'deployment_modes', 'ai_act_risk_class', 'data_export_open_format',
];
/** What the projection folds in of the vendor. */
const VENDOR_COLUMNS = ['vendor_commune_code', 'vendor_establishment_communes', 'vendor_departements'];

/**
 * The matching projection (issue #8, decision 012): one narrow row per matchable offering (published,
 * of a verified vendor) with the columns matching filters and scores on, the vendor's sites folded
 * in. Kept in step by statement triggers in the writing transaction, so a match never reads a
 * state that was not committed. The view is the one definition of a row: the refresh function
 * copies from it, and a test compares the table with it after every kind of write.
 */
export class OfferingMatch1764800000000 implements MigrationInterface {
  name = 'OfferingMatch1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW offering_match_source AS
      SELECT o.id AS offering_id, ${OFFERING_COLUMNS.map((c) => `o.${c}`).join(', ')},
             org.commune_code AS vendor_commune_code,
             sites.communes AS vendor_establishment_communes,
             ARRAY(SELECT DISTINCT CASE WHEN left(c, 2) = '97' THEN left(c, 3) ELSE left(c, 2) END
                     FROM unnest(array_prepend(org.commune_code::text, sites.communes)) c
                    WHERE c IS NOT NULL ORDER BY 1) AS vendor_departements
        FROM offering o
        JOIN organisation org ON org.id = o.vendor_id
        CROSS JOIN LATERAL (SELECT ARRAY(SELECT e->>'communeCode' FROM jsonb_array_elements(org.establishments) e WHERE e ? 'communeCode') AS communes) sites
       WHERE o.status = 'published' AND org.verified_at IS NOT NULL`);
    // Same column types as the view by construction.
    await q.query('CREATE TABLE offering_match AS SELECT * FROM offering_match_source WITH NO DATA');
    await q.query('ALTER TABLE offering_match ADD PRIMARY KEY (offering_id)');
    await q.query('ALTER TABLE offering_match ADD FOREIGN KEY (offering_id) REFERENCES offering (id) ON DELETE CASCADE');
    await q.query('CREATE INDEX offering_match_use_cases_idx ON offering_match USING gin (use_cases)');

    // Re-reads the listed offerings from the view: upserts those matchable, deletes the others.
    await q.query(`
      CREATE FUNCTION offering_match_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        DELETE FROM offering_match m
         WHERE m.offering_id = ANY (ids)
           AND NOT EXISTS (SELECT 1 FROM offering_match_source s WHERE s.offering_id = m.offering_id);
        INSERT INTO offering_match SELECT * FROM offering_match_source s WHERE s.offering_id = ANY (ids)
        ON CONFLICT (offering_id) DO UPDATE SET ${[...OFFERING_COLUMNS, ...VENDOR_COLUMNS].map((c) => `${c} = EXCLUDED.${c}`).join(', ')};
      END $$`);

    // Offering written: its vendor is locked FOR SHARE first, so a concurrent change of the vendor
    // (verification, sites) waits for this transaction, or this one reads the vendor it committed.
    await q.query(`
      CREATE FUNCTION offering_match_on_offering() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM organisation WHERE id IN (SELECT DISTINCT vendor_id FROM changed) ORDER BY id FOR SHARE;
        PERFORM offering_match_refresh(ARRAY(SELECT id FROM changed));
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER offering_match_inserted AFTER INSERT ON offering REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION offering_match_on_offering()',
    );
    await q.query(
      'CREATE TRIGGER offering_match_updated AFTER UPDATE ON offering REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION offering_match_on_offering()',
    );

    // Vendor verified or unverified, or its sites moved: every offering of it is re-read.
    await q.query(`
      CREATE FUNCTION offering_match_on_vendor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM offering_match_refresh(ARRAY(
          SELECT o.id FROM after_update a JOIN before_update b ON b.id = a.id JOIN offering o ON o.vendor_id = a.id
           WHERE (a.verified_at IS NULL) IS DISTINCT FROM (b.verified_at IS NULL)
              OR a.commune_code IS DISTINCT FROM b.commune_code
              OR a.establishments IS DISTINCT FROM b.establishments));
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER offering_match_vendor_updated AFTER UPDATE ON organisation REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update FOR EACH STATEMENT EXECUTE FUNCTION offering_match_on_vendor()',
    );

    await q.query('SELECT offering_match_refresh(ARRAY(SELECT id FROM offering))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER offering_match_vendor_updated ON organisation');
    await q.query('DROP TRIGGER offering_match_updated ON offering');
    await q.query('DROP TRIGGER offering_match_inserted ON offering');
    await q.query('DROP FUNCTION offering_match_on_vendor()');
    await q.query('DROP FUNCTION offering_match_on_offering()');
    await q.query('DROP FUNCTION offering_match_refresh(uuid[])');
    await q.query('DROP TABLE offering_match');
    await q.query('DROP VIEW offering_match_source');
  }
}
