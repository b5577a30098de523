import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users with their membership, rotating refresh tokens and the audit log (issue #3). */
export class Accounts1764200000000 implements MigrationInterface {
  name = 'Accounts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('vendor', 'buyer')),
        buyer_type text CHECK (buyer_type IN ('tpe', 'pme', 'eti', 'collectivite', 'association', 'autre')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        siren char(9) NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
        siret char(14) CHECK (siret ~ '^[0-9]{14}$' AND left(siret, 9) = siren),
        naf_code text NOT NULL,
        naf_version text NOT NULL DEFAULT 'NAFRev2' CHECK (naf_version IN ('NAFRev2', 'NAF2025')),
        commune_code char(5) NOT NULL CHECK (commune_code ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
        establishments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(establishments) = 'array'),
        headcount_band text,
        website text,
        verified_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_buyer_type_iff_buyer CHECK ((kind = 'buyer') = (buyer_type IS NOT NULL)),
        CONSTRAINT organisation_kind_siren_key UNIQUE (kind, siren)
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text CHECK (email = lower(email)),
        password_hash text,
        role text NOT NULL CHECK (role IN ('vendor', 'buyer', 'curator', 'admin')),
        display_name text,
        phone text,
        organisation_id uuid REFERENCES organisation (id),
        membership_status text CHECK (membership_status IN ('active', 'pending', 'rejected')),
        deleted_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Personal fields may be empty only once the account is anonymised (RGPD erasure).
        CONSTRAINT app_user_personal_fields CHECK (
          deleted_at IS NOT NULL OR (email IS NOT NULL AND password_hash IS NOT NULL AND display_name IS NOT NULL)),
        CONSTRAINT app_user_membership CHECK ((organisation_id IS NULL) = (membership_status IS NULL)),
        CONSTRAINT app_user_staff_without_organisation CHECK (role IN ('vendor', 'buyer') OR organisation_id IS NULL)
      )`);
    await q.query('CREATE UNIQUE INDEX app_user_email_key ON app_user (email)');
    await q.query('CREATE INDEX app_user_organisation_idx ON app_user (organisation_id) WHERE organisation_id IS NOT NULL');
    await q.query("CREATE INDEX app_user_admin_idx ON app_user (role) WHERE role = 'admin' AND deleted_at IS NULL");

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        user_agent text,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)');
    await q.query('CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)');

    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL CHECK (action <> ''),
        entity_type text NOT NULL CHECK (entity_type <> ''),
        entity_id uuid,
        before jsonb,
        after jsonb,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id)');
    await q.query('CREATE INDEX audit_event_actor_idx ON audit_event (actor_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE app_user');
    await q.query('DROP TABLE organisation');
  }
}
