import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin-set weights of the match score (issue #8): a single row. No row means the defaults of
 * `DEFAULT_WEIGHTS`, so changing the defaults in code needs no data migration.
 */
export class MatchingWeights1764500000000 implements MigrationInterface {
  name = 'MatchingWeights1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE matching_weights (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        weights jsonb NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_by uuid REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE matching_weights');
  }
}
