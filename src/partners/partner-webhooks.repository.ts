import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface WebhookRow {
  id: string;
  partnerId: string;
  url: string;
  secret: string;
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
}

export interface DeliveryRow {
  eventId: string;
  eventType: string;
  attempt: number;
  status: 'delivered' | 'failed';
  httpStatus: number | null;
  error: string | null;
  createdAt: Date;
}

const WEBHOOK = `id, partner_id AS "partnerId", url, secret, enabled, consecutive_failures AS "consecutiveFailures", disabled_at AS "disabledAt"`;

/** Partner webhooks and their delivery log (decision 029). */
@Injectable()
export class PartnerWebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One endpoint per partner: setting it again replaces it and turns it back on. */
  async upsert(manager: EntityManager, partnerId: string, url: string, secret: string): Promise<WebhookRow> {
    const rows = (await manager.query(
      `INSERT INTO partner_webhook (partner_id, url, secret) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id) DO UPDATE
         SET url = EXCLUDED.url, secret = EXCLUDED.secret, enabled = true, consecutive_failures = 0, disabled_at = NULL, updated_at = now()
       RETURNING ${WEBHOOK}`,
      [partnerId, url, secret],
    )) as WebhookRow[];
    return rows[0];
  }

  async setSecret(manager: EntityManager, partnerId: string, secret: string): Promise<WebhookRow | null> {
    const rows = (await manager.query(
      `UPDATE partner_webhook SET secret = $2, updated_at = now() WHERE partner_id = $1 RETURNING ${WEBHOOK}`,
      [partnerId, secret],
    )) as [WebhookRow[], number];
    return rows[0][0] ?? null;
  }

  /** Removes the partner's webhook and, with it, its delivery log. */
  async remove(manager: EntityManager, partnerId: string): Promise<WebhookRow | null> {
    const rows = (await manager.query(`DELETE FROM partner_webhook WHERE partner_id = $1 RETURNING ${WEBHOOK}`, [partnerId])) as [
      WebhookRow[],
      number,
    ];
    return rows[0][0] ?? null;
  }

  async findByPartner(partnerId: string, manager?: EntityManager): Promise<WebhookRow | null> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT ${WEBHOOK} FROM partner_webhook WHERE partner_id = $1 ${manager ? 'FOR UPDATE' : ''}`,
      [partnerId],
    )) as WebhookRow[];
    return rows[0] ?? null;
  }

  async deliveries(webhookId: string, window: { offset: number; limit: number }): Promise<{ rows: DeliveryRow[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT event_id AS "eventId", event_type AS "eventType", attempt, status, http_status AS "httpStatus", error,
              created_at AS "createdAt", count(*) OVER ()::int AS total
         FROM partner_webhook_delivery WHERE webhook_id = $1
        ORDER BY created_at DESC, id OFFSET $2 LIMIT $3`,
      [webhookId, window.offset, window.limit],
    )) as (DeliveryRow & { total: number })[];
    return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  async wasDelivered(webhookId: string, eventId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      "SELECT 1 FROM partner_webhook_delivery WHERE webhook_id = $1 AND event_id = $2 AND status = 'delivered'",
      [webhookId, eventId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Logs a success and clears the failure count; a concurrent duplicate success is ignored. */
  async recordSuccess(webhookId: string, d: Omit<DeliveryRow, 'createdAt' | 'status' | 'error'>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_webhook_delivery (webhook_id, event_id, event_type, attempt, status, http_status)
         VALUES ($1, $2, $3, $4, 'delivered', $5) ON CONFLICT DO NOTHING`,
        [webhookId, d.eventId, d.eventType, d.attempt, d.httpStatus],
      );
      await manager.query('UPDATE partner_webhook SET consecutive_failures = 0 WHERE id = $1', [webhookId]);
    });
  }

  /** Logs a failure and counts it; switches the webhook off at `disableAfter` in a row. Returns whether it is now off. */
  async recordFailure(webhookId: string, d: Omit<DeliveryRow, 'createdAt' | 'status'>, disableAfter: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO partner_webhook_delivery (webhook_id, event_id, event_type, attempt, status, http_status, error)
         VALUES ($1, $2, $3, $4, 'failed', $5, $6)`,
        [webhookId, d.eventId, d.eventType, d.attempt, d.httpStatus, d.error?.slice(0, 500) ?? null],
      );
      const [rows] = (await manager.query(
        `UPDATE partner_webhook
            SET consecutive_failures = consecutive_failures + 1,
                enabled = enabled AND consecutive_failures + 1 < $2,
                disabled_at = CASE WHEN enabled AND consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END
          WHERE id = $1 RETURNING enabled`,
        [webhookId, disableAfter],
      )) as [{ enabled: boolean }[], number];
      return rows[0]?.enabled === false;
    });
  }
}
