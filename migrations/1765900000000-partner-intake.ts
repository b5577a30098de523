import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner intake (issue 20, decision 029): partners (CCI, Bpifrance, France Num activators,
 * ambassadors) and their API keys, stored as a SHA-256 of the secret with a visible prefix; the
 * source and partner of each need; and the single-use invitations a partner's draft sends its buyer.
 */
export class PartnerIntake1765900000000 implements MigrationInterface {
  name = 'PartnerIntake1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('cci', 'bpifrance', 'france_num', 'ambassador', 'other')),
        allowed_origins text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX partner_name_key ON partner (lower(name))');
    await q.query(`
      CREATE TABLE partner_api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
        prefix text NOT NULL UNIQUE,
        secret_hash char(64) NOT NULL UNIQUE,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['needs:write', 'needs:read']),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX partner_api_key_partner_idx ON partner_api_key (partner_id)');
    await q.query(`
      ALTER TABLE need
        ADD COLUMN source text NOT NULL DEFAULT 'direct' CHECK (source IN ('direct', 'partner', 'diagnostic', 'event', 'curator')),
        ADD COLUMN partner_id uuid REFERENCES partner (id) ON DELETE SET NULL,
        ADD CONSTRAINT need_partner_source CHECK (partner_id IS NULL OR source IN ('partner', 'diagnostic', 'event'))`);
    await q.query('CREATE INDEX need_partner_idx ON need (partner_id, created_at) WHERE partner_id IS NOT NULL');
    await q.query(`
      CREATE TABLE need_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES need (id) ON DELETE CASCADE,
        email text NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        claimed_at timestamptz,
        claimed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX need_invitation_need_idx ON need_invitation (need_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE need_invitation');
    await q.query('ALTER TABLE need DROP COLUMN partner_id, DROP COLUMN source');
    await q.query('DROP TABLE partner_api_key');
    await q.query('DROP TABLE partner');
  }
}
