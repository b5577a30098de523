import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23 (decision 032): what the company registry said at sign-up, kept for the curator who
 * verifies the vendor; and where an unverified vendor stands — waiting for a curator (`pending`),
 * refused with a reason, or asked a question (`waiting_vendor`). Verified stays `verified_at`, which
 * many queries read; the status only speaks of vendors without it.
 */
export class VendorVerification1766300000000 implements MigrationInterface {
  name = 'VendorVerification1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation
        ADD COLUMN registry_check jsonb,
        ADD COLUMN verification_status text NOT NULL DEFAULT 'pending'
          CHECK (verification_status IN ('pending', 'refused', 'waiting_vendor')),
        ADD COLUMN verification_message text CHECK (length(verification_message) <= 2000),
        ADD COLUMN verification_answer text CHECK (length(verification_answer) <= 2000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation
        DROP COLUMN verification_answer,
        DROP COLUMN verification_message,
        DROP COLUMN verification_status,
        DROP COLUMN registry_check`);
  }
}
