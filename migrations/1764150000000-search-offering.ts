import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The PostgreSQL search backend's index: one row per published offering, fed by the outbox. */
export class SearchOffering1764150000000 implements MigrationInterface {
  name = 'SearchOffering1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_offering (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        doc jsonb NOT NULL,
        vendor_id uuid NOT NULL,
        use_cases text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        regions text[] NOT NULL DEFAULT '{}',
        departements text[] NOT NULL DEFAULT '{}',
        national boolean NOT NULL DEFAULT false,
        grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E')),
        data_residency text NOT NULL,
        requirements text[] NOT NULL DEFAULT '{}',
        published_at timestamptz NOT NULL,
        title_norm text NOT NULL,
        search_text text NOT NULL,
        tsv tsvector NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX search_offering_tsv_idx ON search_offering USING gin (tsv)');
    await q.query('CREATE INDEX search_offering_trgm_idx ON search_offering USING gin (search_text gin_trgm_ops)');
    await q.query('CREATE INDEX search_offering_use_cases_idx ON search_offering USING gin (use_cases)');
    await q.query('CREATE INDEX search_offering_regions_idx ON search_offering USING gin (regions)');
    await q.query('CREATE INDEX search_offering_departements_idx ON search_offering USING gin (departements)');
    await q.query('CREATE INDEX search_offering_requirements_idx ON search_offering USING gin (requirements)');
    await q.query('CREATE INDEX search_offering_published_idx ON search_offering (published_at DESC, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE search_offering');
  }
}
