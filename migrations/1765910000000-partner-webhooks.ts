import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner webhooks (issue 20, decision 029): one endpoint per partner with the secret its
 * signatures use, switched off after too many consecutive failures; and the log of every delivery
 * attempt, which the partner reads and which keeps a redelivered event from being sent twice.
 */
export class PartnerWebhooks1765910000000 implements MigrationInterface {
  name = 'PartnerWebhooks1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL UNIQUE REFERENCES partner (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) BETWEEN 8 AND 500),
        -- Kept readable: an HMAC needs the secret itself, not a hash of it.
        secret text NOT NULL CHECK (length(secret) BETWEEN 32 AND 200),
        enabled boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE partner_webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES partner_webhook (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        attempt integer NOT NULL CHECK (attempt >= 1),
        status text NOT NULL CHECK (status IN ('delivered', 'failed')),
        http_status integer,
        error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX partner_webhook_delivery_log_idx ON partner_webhook_delivery (webhook_id, created_at DESC)');
    await q.query(
      "CREATE UNIQUE INDEX partner_webhook_delivery_once_idx ON partner_webhook_delivery (webhook_id, event_id) WHERE status = 'delivered'",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE partner_webhook_delivery');
    await q.query('DROP TABLE partner_webhook');
  }
}
