import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_LEAD_FREQUENCY, type LeadFrequency } from './lead-frequency.js';
import type { AccountMailKind } from './account-mail-kinds.js';
import type { NotificationKind } from './notification-kinds.js';

/** A notification kind, or another mail the log keeps (lead alerts and digests). */
export type MailKind = NotificationKind | AccountMailKind | 'lead_alert' | 'lead_digest' | 'need_invitation';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
}

export interface MailLogRow {
  id: string;
  kind: string;
  subject: string;
  toAddress: string | null;
  transport: string;
  status: string;
  createdAt: Date;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Users among `userIds` who can receive `kind`: not erased, not muted. */
  async reachable(userIds: string[], kind: NotificationKind): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName" FROM app_user u
        WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL AND u.email IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM notification_mute m WHERE m.user_id = u.id AND m.kind = $2)
        ORDER BY u.id`,
      [userIds, kind],
    )) as Recipient[];
  }

  /** A live user with an address, mutes ignored: for account e-mails, which cannot be muted. */
  async liveRecipient(userId: string): Promise<Recipient | null> {
    const rows = (await this.dataSource.query(
      `SELECT id AS "userId", email, display_name AS "displayName" FROM app_user
        WHERE id = $1 AND deleted_at IS NULL AND email IS NOT NULL`,
      [userId],
    )) as Recipient[];
    return rows[0] ?? null;
  }

  async activeStaffIds(role: 'curator' | 'admin'): Promise<string[]> {
    const rows = (await this.dataSource.query('SELECT id FROM app_user WHERE role = $1 AND deleted_at IS NULL ORDER BY id', [role])) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  async activeMemberIds(organisationId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      "SELECT id FROM app_user WHERE organisation_id = $1 AND membership_status = 'active' AND deleted_at IS NULL ORDER BY id",
      [organisationId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Claims the right to send one message: true for a new (event, recipient) pair or one whose
   * earlier attempt failed; false when it was already sent (a redelivered outbox event).
   */
  async claim(entry: {
    dedupeKey: string;
    /** Null for an address that has no account yet (a partner's invitation, decision 029). */
    userId: string | null;
    to: string;
    kind: MailKind;
    subject: string;
    body: string;
    transport: string;
  }): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO mail_log (dedupe_key, user_id, to_address, kind, subject, body, transport, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'sending')
       ON CONFLICT (dedupe_key) DO UPDATE SET attempts = mail_log.attempts + 1, status = 'sending'
         WHERE mail_log.status = 'failed'
       RETURNING id`,
      [entry.dedupeKey, entry.userId, entry.to, entry.kind, entry.subject, entry.body, entry.transport],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** `claim` for many messages in one statement (the lead digests): the claimed ones' ids by dedupe key. */
  async claimMany(
    entries: readonly { dedupeKey: string; userId: string; to: string; kind: MailKind; subject: string; body: string; transport: string }[],
  ): Promise<Map<string, string>> {
    if (entries.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `INSERT INTO mail_log (dedupe_key, user_id, to_address, kind, subject, body, transport, status)
       SELECT x."dedupeKey", x."userId", x."to", x.kind, x.subject, x.body, x.transport, 'sending'
         FROM jsonb_to_recordset($1::jsonb) AS x("dedupeKey" text, "userId" uuid, "to" text, kind text, subject text, body text, transport text)
       ON CONFLICT (dedupe_key) DO UPDATE SET attempts = mail_log.attempts + 1, status = 'sending'
         WHERE mail_log.status = 'failed'
       RETURNING id, dedupe_key AS "dedupeKey"`,
      [JSON.stringify(entries)],
    )) as { id: string; dedupeKey: string }[];
    return new Map(rows.map((r) => [r.dedupeKey, r.id]));
  }

  async markSentMany(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query("UPDATE mail_log SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])", [
      ids,
    ]);
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query("UPDATE mail_log SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1", [id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query("UPDATE mail_log SET status = 'failed', last_error = $2 WHERE id = $1", [id, error.slice(0, 1000)]);
  }

  async mutedKinds(userId: string): Promise<string[]> {
    const rows = (await this.dataSource.query('SELECT kind FROM notification_mute WHERE user_id = $1 ORDER BY kind', [userId])) as {
      kind: string;
    }[];
    return rows.map((r) => r.kind);
  }

  /** Replaces the user's muted kinds in one transaction. */
  async setMuted(userId: string, kinds: readonly string[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query('DELETE FROM notification_mute WHERE user_id = $1', [userId]);
      if (kinds.length) await m.query('INSERT INTO notification_mute (user_id, kind) SELECT $1, unnest($2::text[])', [userId, kinds]);
    });
  }

  async mailsOf(userId: string): Promise<MailLogRow[]> {
    return (await this.dataSource.query(
      `SELECT id, kind, subject, to_address AS "toAddress", transport, status, created_at AS "createdAt"
         FROM mail_log WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    )) as MailLogRow[];
  }

  /** How often the user hears of new leads (issue 18); daily when never chosen. */
  async leadFrequencyOf(userId: string): Promise<LeadFrequency> {
    const rows = (await this.dataSource.query('SELECT frequency FROM lead_alert_setting WHERE user_id = $1', [userId])) as {
      frequency: LeadFrequency;
    }[];
    return rows[0]?.frequency ?? DEFAULT_LEAD_FREQUENCY;
  }

  /**
   * Sets how often the user hears of new leads. A user id that no longer exists (an old unsubscribe
   * link of an erased account) changes nothing.
   */
  async setLeadFrequency(userId: string, frequency: LeadFrequency): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO lead_alert_setting (user_id, frequency) SELECT id, $2 FROM app_user WHERE id = $1 AND deleted_at IS NULL
       ON CONFLICT (user_id) DO UPDATE SET frequency = EXCLUDED.frequency, updated_at = now()`,
      [userId, frequency],
    );
  }

  /** RGPD erasure, inside the erasure's transaction: addresses and bodies go, the counts stay. */
  async eraseFor(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('UPDATE mail_log SET to_address = NULL, body = NULL WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM notification_mute WHERE user_id = $1', [userId]);
  }
}
