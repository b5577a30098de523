import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Diagnostic import (issue 20, decision 029): a partner's « diagnostic Data IA » of a company, with
 * its expert and date, and one draft need per prioritised use case. The partial unique index on
 * (diagnostic, use case) makes a re-import create nothing twice.
 */
export class Diagnostics1765920000000 implements MigrationInterface {
  name = 'Diagnostics1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE diagnostic (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        expert_name text NOT NULL CHECK (length(expert_name) BETWEEN 1 AND 120),
        expert_email text NOT NULL,
        diagnosed_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partner_id, external_id)
      )`);
    await q.query(`
      ALTER TABLE need
        ADD COLUMN diagnostic_id uuid REFERENCES diagnostic (id) ON DELETE SET NULL,
        ADD COLUMN diagnostic_use_case text,
        ADD CONSTRAINT need_diagnostic_use_case CHECK ((diagnostic_id IS NULL) = (diagnostic_use_case IS NULL))`);
    await q.query(
      'CREATE UNIQUE INDEX need_diagnostic_use_case_key ON need (diagnostic_id, diagnostic_use_case) WHERE diagnostic_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE need DROP COLUMN diagnostic_use_case, DROP COLUMN diagnostic_id');
    await q.query('DROP TABLE diagnostic');
  }
}
