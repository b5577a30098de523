import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The offering's own columns the projection copies, as migration 1764800000000 lists them (same order: the view keeps its columns). */
const OFFERING_COLUMNS = [
  'vendor_id', 'use_cases', 'sectors', 'service_national', 'service_regions', 'service_departements', 'remote_delivery',
  'min_budget_eur', 'max_budget_eur', 'target_buyer_types', 'sovereignty_score', 'sovereignty_grade', 'grade_verified',
  'data_residency', 'provider_jurisdiction', 'hq_jurisdiction', 'non_eu_remote_access', 'sec_num_cloud', 'hds', 'iso27001',
  'model_origin', 'model_licence', 'inference_hosting', 'training_on_customer_data', 'dpa_art28', 'non_eu_transfers',
  'extraterritorial_exposure', 'non_eu_control', 'deployment_modes', 'ai_act_risk_class', 'data_export_open_format',
];

/** The projection's one definition of a row (decision 012), its vendor sites being the establishments `sites` keeps. */
const viewSql = (sites: string): string => `
  CREATE OR REPLACE VIEW offering_match_source AS
  SELECT o.id AS offering_id, ${OFFERING_COLUMNS.map((c) => `o.${c}`).join(', ')},
         org.commune_code AS vendor_commune_code,
         sites.communes AS vendor_establishment_communes,
         ARRAY(SELECT DISTINCT CASE WHEN left(c, 2) = '97' THEN left(c, 3) ELSE left(c, 2) END
                 FROM unnest(array_prepend(org.commune_code::text, sites.communes)) c
                WHERE c IS NOT NULL ORDER BY 1) AS vendor_departements
    FROM offering o
    JOIN organisation org ON org.id = o.vendor_id
    CROSS JOIN LATERAL (SELECT ARRAY(SELECT e->>'communeCode' FROM jsonb_array_elements(org.establishments) e WHERE ${sites}) AS communes) sites
   WHERE o.status = 'published' AND org.verified_at IS NOT NULL`;

/**
 * Issue 26, decision 022: only the establishments a curator confirmed count for proximity. The
 * confirmation lives in each JSONB item (`confirmedAt`, `confirmedBy`); the items already stored
 * have none, so every existing establishment starts unconfirmed. The projection's view now folds in
 * confirmed sites only, and is re-read for every offering; the organisation trigger already
 * refreshes a vendor's rows when its establishments (confirmations included) change.
 */
export class ConfirmedEstablishments1765300000000 implements MigrationInterface {
  name = 'ConfirmedEstablishments1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(viewSql("e ? 'communeCode' AND e->>'confirmedAt' IS NOT NULL"));
    await q.query('SELECT offering_match_refresh(ARRAY(SELECT id FROM offering))');
  }

  /** Every declared site counts again. Confirmations stay in the items: the code before ignores them, a new `up` uses them again. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(viewSql("e ? 'communeCode'"));
    await q.query('SELECT offering_match_refresh(ARRAY(SELECT id FROM offering))');
  }
}
