import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Curators upload diagnostics too (issue 20, decision 029): a diagnostic may come from no partner
 * (the AI house's own experts). Its id is then unique among the partner-less diagnostics.
 */
export class CuratedDiagnostics1766600000000 implements MigrationInterface {
  name = 'CuratedDiagnostics1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE diagnostic ALTER COLUMN partner_id DROP NOT NULL');
    await q.query('CREATE UNIQUE INDEX diagnostic_without_partner_key ON diagnostic (external_id) WHERE partner_id IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    // The older schema cannot hold a diagnostic without a partner: its needs stay, unlinked.
    await q.query(
      `UPDATE need SET diagnostic_id = NULL, diagnostic_use_case = NULL
        WHERE diagnostic_id IN (SELECT id FROM diagnostic WHERE partner_id IS NULL)`,
    );
    await q.query('DELETE FROM diagnostic WHERE partner_id IS NULL');
    await q.query('DROP INDEX diagnostic_without_partner_key');
    await q.query('ALTER TABLE diagnostic ALTER COLUMN partner_id SET NOT NULL');
  }
}
