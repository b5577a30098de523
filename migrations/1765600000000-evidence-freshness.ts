import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 24, decision 026: a verification holds until the evidence's validity date. The daily job
 * finds verified claims by that date (partial index), and remembers for which date it warned the
 * vendor, so each warning goes once and new evidence with a new date is warned about again.
 */
export class EvidenceFreshness1765600000000 implements MigrationInterface {
  name = 'EvidenceFreshness1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE offering_claim ADD COLUMN expiry_warned_for date');
    await q.query(
      "CREATE INDEX offering_claim_verified_valid_until ON offering_claim (evidence_valid_until) WHERE status = 'verified' AND evidence_valid_until IS NOT NULL",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX offering_claim_verified_valid_until');
    await q.query('ALTER TABLE offering_claim DROP COLUMN expiry_warned_for');
  }
}
