import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offerings with their sovereignty profile, the curators' decisions on its claims, and the vendor's
 * public description (issue #5). The profile is JSONB as declared; the flat columns hold the
 * EFFECTIVE values (a rejected claim at its worst value) that matching filters on in SQL.
 */
export class Offerings1764300000000 implements MigrationInterface {
  name = 'Offerings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organisation ADD COLUMN description text CHECK (length(description) <= 5000)');

    await q.query(`
      CREATE TABLE offering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vendor_id uuid NOT NULL REFERENCES organisation (id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text,
        description text,
        use_cases text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        service_national boolean NOT NULL DEFAULT false,
        service_regions text[] NOT NULL DEFAULT '{}',
        service_departements text[] NOT NULL DEFAULT '{}',
        remote_delivery boolean NOT NULL DEFAULT false,
        pricing_model text CHECK (pricing_model IN ('subscription', 'licence', 'project', 'per_use', 'free_trial')),
        min_budget_eur integer CHECK (min_budget_eur >= 0),
        max_budget_eur integer CHECK (max_budget_eur >= 0),
        target_buyer_types text[] NOT NULL DEFAULT '{}'
          CHECK (target_buyer_types <@ ARRAY['tpe', 'pme', 'eti', 'collectivite', 'association', 'autre']::text[]),
        references_count integer NOT NULL DEFAULT 0 CHECK (references_count >= 0),
        reference_sectors text[] NOT NULL DEFAULT '{}',
        sovereignty jsonb,
        data_residency text CHECK (data_residency IN ('FR', 'EU_EEA', 'ADEQUATE_COUNTRY', 'OTHER', 'CUSTOMER_PREMISES', 'UNKNOWN')),
        provider_jurisdiction text CHECK (provider_jurisdiction IN ('FR', 'EU_EEA', 'US', 'CN', 'UK', 'OTHER', 'UNKNOWN')),
        hq_jurisdiction text CHECK (hq_jurisdiction IN ('FR', 'EU_EEA', 'US', 'CN', 'UK', 'OTHER', 'UNKNOWN')),
        non_eu_remote_access boolean,
        sec_num_cloud text CHECK (sec_num_cloud IN ('OFFERING', 'INFRASTRUCTURE_ONLY', 'IN_PROGRESS', 'NONE')),
        hds boolean,
        iso27001 boolean,
        model_origin text CHECK (model_origin IN ('FR', 'EU_EEA', 'IN_HOUSE_EU', 'US', 'CN', 'OTHER', 'NONE')),
        model_licence text CHECK (model_licence IN ('OSI_OPEN_SOURCE', 'OPEN_WEIGHT_RESTRICTED', 'PROPRIETARY', 'NONE')),
        inference_hosting text CHECK (inference_hosting IN ('CUSTOMER_HOSTED', 'VENDOR_HOSTED_EU', 'THIRD_PARTY_API_EU', 'THIRD_PARTY_API_NON_EU')),
        training_on_customer_data text CHECK (training_on_customer_data IN ('NEVER', 'OPT_IN', 'OPT_OUT', 'YES')),
        dpa_art28 boolean,
        non_eu_transfers text CHECK (non_eu_transfers IN ('NONE', 'ADEQUACY', 'SCC', 'UNKNOWN')),
        extraterritorial_exposure text CHECK (extraterritorial_exposure IN ('NO', 'YES', 'UNKNOWN')),
        non_eu_control text CHECK (non_eu_control IN ('NONE', 'MINORITY', 'MAJORITY')),
        deployment_modes text[] NOT NULL DEFAULT '{}'
          CHECK (deployment_modes <@ ARRAY['SAAS_SHARED', 'SAAS_DEDICATED', 'PRIVATE_CLOUD', 'ON_PREMISE', 'EDGE']::text[]),
        ai_act_risk_class text CHECK (ai_act_risk_class IN ('PROHIBITED', 'HIGH', 'TRANSPARENCY', 'MINIMAL', 'UNASSESSED')),
        data_export_open_format boolean,
        sovereignty_score integer CHECK (sovereignty_score BETWEEN 0 AND 100),
        sovereignty_grade text CHECK (sovereignty_grade IN ('A', 'B', 'C', 'D', 'E')),
        grade_verified boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        archived_at timestamptz,
        created_by uuid REFERENCES app_user (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT offering_budget_range CHECK (min_budget_eur IS NULL OR max_budget_eur IS NULL OR min_budget_eur <= max_budget_eur),
        CONSTRAINT offering_profile_scored CHECK ((sovereignty IS NULL) = (sovereignty_score IS NULL) AND (sovereignty IS NULL) = (sovereignty_grade IS NULL)),
        CONSTRAINT offering_published_complete CHECK (
          status = 'draft' OR (published_at IS NOT NULL AND sovereignty IS NOT NULL AND cardinality(use_cases) > 0)),
        CONSTRAINT offering_archived_at CHECK ((status = 'archived') = (archived_at IS NOT NULL))
      )`);
    await q.query('CREATE INDEX offering_vendor_idx ON offering (vendor_id, status)');
    await q.query("CREATE INDEX offering_published_idx ON offering (id) WHERE status = 'published'");
    await q.query("CREATE INDEX offering_grade_idx ON offering (sovereignty_grade, sovereignty_score) WHERE status = 'published'");
    await q.query("CREATE INDEX offering_residency_idx ON offering (data_residency) WHERE status = 'published'");
    for (const column of ['use_cases', 'sectors', 'service_regions', 'service_departements', 'target_buyer_types', 'deployment_modes']) {
      await q.query(`CREATE INDEX offering_${column}_idx ON offering USING gin (${column})`);
    }

    await q.query(`
      CREATE TABLE offering_claim (
        offering_id uuid NOT NULL REFERENCES offering (id) ON DELETE CASCADE,
        claim text NOT NULL CHECK (claim ~ '^[a-z]+\\.[A-Za-z0-9]+$'),
        status text NOT NULL DEFAULT 'declared' CHECK (status IN ('declared', 'verified', 'rejected')),
        evidence_url text CHECK (length(evidence_url) <= 500),
        evidence_document_ref text CHECK (length(evidence_document_ref) <= 200),
        evidence_valid_until date,
        comment text CHECK (length(comment) <= 2000),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (offering_id, claim),
        CONSTRAINT offering_claim_decision CHECK ((status = 'declared') = (decided_at IS NULL)),
        CONSTRAINT offering_claim_rejected_comment CHECK (status <> 'rejected' OR comment IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE offering_claim');
    await q.query('DROP TABLE offering');
    await q.query('ALTER TABLE organisation DROP COLUMN description');
  }
}
