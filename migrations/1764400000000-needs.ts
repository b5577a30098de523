import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Needs posted by buyer organisations and validated by curators (issue #6). */
export class Needs1764400000000 implements MigrationInterface {
  name = 'Needs1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        created_by uuid REFERENCES app_user (id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 10000),
        use_cases text[] NOT NULL DEFAULT '{}',
        sector text,
        commune_code char(5) CHECK (commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
        departement_code text,
        region_code text,
        reach text CHECK (reach IN ('local', 'regional', 'national')),
        accepts_remote boolean NOT NULL DEFAULT true,
        min_budget_eur integer CHECK (min_budget_eur >= 0),
        max_budget_eur integer CHECK (max_budget_eur >= 0),
        desired_start date,
        deadline date,
        data_sensitivity text CHECK (data_sensitivity IN ('none', 'personal', 'health', 'sensitive_public')),
        requirements text[] NOT NULL DEFAULT '{}',
        min_sovereignty_grade text CHECK (min_sovereignty_grade IN ('A', 'B', 'C', 'D')),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'changes_requested', 'published', 'rejected', 'closed')),
        curator_message text,
        rejection_reason text,
        close_outcome text CHECK (close_outcome IN ('won', 'no_fit', 'abandoned')),
        submitted_at timestamptz,
        changes_requested_at timestamptz,
        published_at timestamptz,
        rejected_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT need_budget_range CHECK (min_budget_eur IS NULL OR max_budget_eur IS NULL OR min_budget_eur <= max_budget_eur),
        CONSTRAINT need_deadline_after_start CHECK (deadline IS NULL OR desired_start IS NULL OR deadline >= desired_start),
        CONSTRAINT need_geography_derived CHECK ((commune_code IS NULL) = (departement_code IS NULL) AND (commune_code IS NULL) = (region_code IS NULL)),
        CONSTRAINT need_submitted_at CHECK (status = 'draft' OR submitted_at IS NOT NULL),
        CONSTRAINT need_closed_outcome CHECK ((status = 'closed') = (close_outcome IS NOT NULL))
      )`);
    // Matching retrieves candidates by shared use case (DESIGN §5).
    await q.query('CREATE INDEX need_use_cases_gin ON need USING gin (use_cases)');
    // The curator queue: submitted needs, oldest submission first.
    await q.query('CREATE INDEX need_status_submitted_idx ON need (status, submitted_at, id)');
    await q.query('CREATE INDEX need_status_created_idx ON need (status, created_at)');
    await q.query('CREATE INDEX need_organisation_idx ON need (organisation_id, created_at)');
    await q.query('CREATE INDEX need_region_idx ON need (region_code, departement_code)');
    await q.query('CREATE INDEX need_departement_idx ON need (departement_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE need');
  }
}
