import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every e-mail the platform sends (or would send), and the kinds each user muted (issue #9). */
export class Notifications1764250000000 implements MigrationInterface {
  name = 'Notifications1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- One message per (event, recipient): redelivered outbox events never send twice.
        dedupe_key text NOT NULL UNIQUE,
        user_id uuid REFERENCES app_user (id),
        to_address text,
        kind text NOT NULL,
        subject text NOT NULL,
        body text,
        transport text NOT NULL CHECK (transport IN ('smtp', 'log')),
        status text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 1,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query('CREATE INDEX mail_log_user_idx ON mail_log (user_id, created_at)');
    await q.query(`
      CREATE TABLE notification_mute (
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_mute');
    await q.query('DROP TABLE mail_log');
  }
}
