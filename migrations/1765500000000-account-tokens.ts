import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts that do not trip people up (issue 23): password reset and e-mail verification links
 * (one table, only the SHA-256 of each token stored), and the terms and privacy consent given at
 * sign-up with its date and version. Accounts created before this migration count as verified:
 * they were already publishing, and locking them out would be a regression, not a safeguard.
 */
export class AccountTokens1765500000000 implements MigrationInterface {
  name = 'AccountTokens1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN terms_accepted_at timestamptz,
        ADD COLUMN terms_version text CHECK (length(terms_version) BETWEEN 1 AND 40),
        ADD CONSTRAINT app_user_terms CHECK ((terms_accepted_at IS NULL) = (terms_version IS NULL))`);
    await q.query('UPDATE app_user SET email_verified_at = created_at');
    await q.query(`
      CREATE TABLE account_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
        token_hash text NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX account_token_user ON account_token (user_id, purpose, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_token');
    await q.query(`
      ALTER TABLE app_user
        DROP CONSTRAINT app_user_terms,
        DROP COLUMN terms_version,
        DROP COLUMN terms_accepted_at,
        DROP COLUMN email_verified_at`);
  }
}
