import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner-admins (issue 20, decision 029): a user role `partner` and the partner each such user
 * acts for. A partner-admin has no organisation, like staff (app_user_staff_without_organisation).
 * And invitations a partner resent replace the earlier ones.
 */
export class PartnerMembers1766100000000 implements MigrationInterface {
  name = 'PartnerMembers1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_role_check');
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('vendor', 'buyer', 'curator', 'admin', 'partner'))`);
    await q.query(`
      CREATE TABLE partner_member (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX partner_member_partner_idx ON partner_member (partner_id)');
    // A resent invitation replaces the earlier ones: their links stop working (410).
    await q.query('ALTER TABLE need_invitation ADD COLUMN replaced_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE need_invitation DROP COLUMN replaced_at');
    await q.query('DROP TABLE partner_member');
    // The older CHECK cannot hold a partner-admin: their accounts go with the role.
    await q.query(`DELETE FROM app_user WHERE role = 'partner'`);
    await q.query('ALTER TABLE app_user DROP CONSTRAINT app_user_role_check');
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('vendor', 'buyer', 'curator', 'admin'))`);
  }
}
