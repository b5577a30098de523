import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExplainedCriterion } from '../matches/scoring/ranking.js';
import { DEFAULT_LEAD_FREQUENCY, type DeclineReason, type LeadAnswer, type LeadOrigin } from './lead-vocabulary.js';

export interface NewLead {
  needId: string;
  vendorId: string;
  offeringId: string;
  origin: LeadOrigin;
  /** The offering's rank for the need when the need was published; null when announced from the offering's side. */
  rank: number | null;
  total: number;
  criteria: ExplainedCriterion[];
  scoringVersion: string;
}

/** A stored lead with its funnel, and the offering it was announced for. */
export interface LeadRow {
  id: string;
  needId: string;
  vendorId: string;
  offeringId: string;
  offeringTitle: string;
  origin: LeadOrigin;
  /** The offering's rank for the need when the need was published; null when announced from the offering's side. */
  rank: number | null;
  total: number;
  criteria: ExplainedCriterion[];
  scoringVersion: string;
  createdAt: Date;
  notifiedAt: Date | null;
  openedAt: Date | null;
  answer: LeadAnswer | null;
  answeredAt: Date | null;
  message: string | null;
  reason: DeclineReason | null;
  comment: string | null;
  needStatus: string;
}

/** A lead as a curator reads it beside the need: the vendor named. */
export interface NeedLeadRow extends LeadRow {
  vendorName: string;
}

/** One e-mail to write: a member of the lead's vendor who has not been told of it. */
export interface PendingNotice {
  leadId: string;
  userId: string;
  email: string;
  displayName: string;
}

const LEAD_COLUMNS = `l.id, l.need_id AS "needId", l.vendor_id AS "vendorId", l.offering_id AS "offeringId", o.title AS "offeringTitle",
  l.origin, l.rank, l.total, l.criteria, l.scoring_version AS "scoringVersion", l.created_at AS "createdAt",
  l.notified_at AS "notifiedAt", l.opened_at AS "openedAt", l.answer, l.answered_at AS "answeredAt", l.message, l.reason,
  l.comment, n.status AS "needStatus"`;
const LEAD_FROM = 'lead l JOIN offering o ON o.id = l.offering_id JOIN need n ON n.id = l.need_id';

/** The members who hear of a lead: active, not erased, with an address. */
const MEMBERS_OF_VENDOR = `u.organisation_id = l.vendor_id AND u.membership_status = 'active' AND u.deleted_at IS NULL AND u.email IS NOT NULL`;
const FREQUENCY = `COALESCE(s.frequency, '${DEFAULT_LEAD_FREQUENCY}')`;

/** Leads older than this are never put in a digest: a member turning alerts back on is not flooded. */
export const DIGEST_LOOKBACK_DAYS = 30;

@Injectable()
export class LeadAlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the leads, one per need and vendor: a pair already announced is kept as it was (its
   * funnel must not restart). Returns the ids of the leads created by this call.
   */
  async insert(leads: readonly NewLead[]): Promise<string[]> {
    if (leads.length === 0) return [];
    const rows = (await this.dataSource.query(
      `INSERT INTO lead (need_id, vendor_id, offering_id, origin, rank, total, criteria, scoring_version)
       SELECT x."needId", x."vendorId", x."offeringId", x.origin, x.rank, x.total, x.criteria, x."scoringVersion"
         FROM jsonb_to_recordset($1::jsonb) AS x("needId" uuid, "vendorId" uuid, "offeringId" uuid, origin text, rank int,
                                                  total double precision, criteria jsonb, "scoringVersion" text)
       ON CONFLICT (need_id, vendor_id) DO NOTHING
       RETURNING id`,
      [JSON.stringify(leads)],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async setCutoff(needId: string, cutoff: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO need_lead_cutoff (need_id, cutoff) VALUES ($1, $2)
       ON CONFLICT (need_id) DO UPDATE SET cutoff = EXCLUDED.cutoff, computed_at = now()`,
      [needId, cutoff],
    );
  }

  /** Each need's cutoff; a need without one (published before alerts existed) is absent. */
  async cutoffs(needIds: readonly string[]): Promise<Map<string, number>> {
    if (needIds.length === 0) return new Map();
    const rows = (await this.dataSource.query('SELECT need_id AS "needId", cutoff FROM need_lead_cutoff WHERE need_id = ANY($1::uuid[])', [
      needIds,
    ])) as { needId: string; cutoff: number }[];
    return new Map(rows.map((r) => [r.needId, r.cutoff]));
  }

  /** The vendors already holding a lead for each of these needs. */
  async vendorsWithLeads(needIds: readonly string[]): Promise<Set<string>> {
    if (needIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      'SELECT need_id AS "needId", vendor_id AS "vendorId" FROM lead WHERE need_id = ANY($1::uuid[])',
      [needIds],
    )) as { needId: string; vendorId: string }[];
    return new Set(rows.map((r) => `${r.needId}:${r.vendorId}`));
  }

  /** Members choosing instant alerts who were not yet told of these leads (their need still published). */
  async pendingInstant(leadIds: readonly string[]): Promise<PendingNotice[]> {
    if (leadIds.length === 0) return [];
    return (await this.dataSource.query(
      `SELECT l.id AS "leadId", u.id AS "userId", u.email, u.display_name AS "displayName"
         FROM lead l JOIN need n ON n.id = l.need_id
         JOIN app_user u ON ${MEMBERS_OF_VENDOR}
         LEFT JOIN lead_alert_setting s ON s.user_id = u.id
        WHERE l.id = ANY($1::uuid[]) AND n.status = 'published' AND ${FREQUENCY} = 'instant'
          AND NOT EXISTS (SELECT 1 FROM lead_notice ln WHERE ln.lead_id = l.id AND ln.user_id = u.id)
        ORDER BY l.id, u.id`,
      [leadIds],
    )) as PendingNotice[];
  }

  /**
   * The digest's content for every member on `frequency` with something to hear of: the leads of
   * their vendor they were not told of, needs still published, created within the lookback.
   */
  async pendingDigests(frequency: 'daily' | 'weekly', now: Date): Promise<PendingNotice[]> {
    return (await this.dataSource.query(
      `SELECT l.id AS "leadId", u.id AS "userId", u.email, u.display_name AS "displayName"
         FROM lead l JOIN need n ON n.id = l.need_id
         JOIN app_user u ON ${MEMBERS_OF_VENDOR}
         LEFT JOIN lead_alert_setting s ON s.user_id = u.id
        WHERE n.status = 'published' AND ${FREQUENCY} = $1
          AND l.created_at > $2::timestamptz - make_interval(days => $3) AND l.created_at <= $2::timestamptz
          AND NOT EXISTS (SELECT 1 FROM lead_notice ln WHERE ln.lead_id = l.id AND ln.user_id = u.id)
        ORDER BY u.id, l.total DESC, l.id`,
      [frequency, now, DIGEST_LOOKBACK_DAYS],
    )) as PendingNotice[];
  }

  /** Records who was told of which lead, and the lead's first notification. */
  async recordNotices(notices: readonly { leadId: string; userId: string }[], channel: 'instant' | 'digest'): Promise<void> {
    if (notices.length === 0) return;
    await this.dataSource.query(
      `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS t(lead_id, user_id)),
            ins AS (INSERT INTO lead_notice (lead_id, user_id, channel) SELECT lead_id, user_id, $3 FROM x ON CONFLICT DO NOTHING)
       UPDATE lead SET notified_at = now() WHERE id IN (SELECT lead_id FROM x) AND notified_at IS NULL`,
      [notices.map((n) => n.leadId), notices.map((n) => n.userId), channel],
    );
  }

  async idsWhere(column: 'need_id' | 'offering_id', id: string): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM lead WHERE ${column} = $1 ORDER BY id`, [id])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async findById(id: string): Promise<LeadRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = $1`, [id])) as LeadRow[];
    return rows[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<LeadRow[]> {
    if (ids.length === 0) return [];
    return (await this.dataSource.query(`SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = ANY($1::uuid[])`, [ids])) as LeadRow[];
  }

  /** A vendor's leads, newest first, with the total for pagination; `none` = not answered yet. */
  async listForVendor(
    vendorId: string,
    filter: { answer?: LeadAnswer | 'none'; offset: number; limit: number },
  ): Promise<{ rows: LeadRow[]; total: number }> {
    const where = `l.vendor_id = $1 AND ($2::text IS NULL OR ($2 = 'none' AND l.answer IS NULL) OR l.answer = $2)`;
    const answer = filter.answer ?? null;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE ${where} ORDER BY l.created_at DESC, l.id LIMIT $3 OFFSET $4`, [
        vendorId,
        answer,
        filter.limit,
        filter.offset,
      ]) as Promise<LeadRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM lead l WHERE ${where}`, [vendorId, answer]) as Promise<{ total: number }[]>,
    ]);
    return { rows, total };
  }

  /** Every lead of a need, best first, with its vendor's name: the curators' view. */
  async listForNeed(needId: string): Promise<NeedLeadRow[]> {
    return (await this.dataSource.query(
      `SELECT ${LEAD_COLUMNS}, v.name AS "vendorName" FROM ${LEAD_FROM} JOIN organisation v ON v.id = l.vendor_id
        WHERE l.need_id = $1 ORDER BY (l.answer = 'interested') DESC NULLS LAST, l.total DESC, l.id`,
      [needId],
    )) as NeedLeadRow[];
  }

  /** The first view of the lead by one of its vendor's members (the funnel's "opened"). */
  async markOpened(id: string): Promise<void> {
    await this.dataSource.query('UPDATE lead SET opened_at = now() WHERE id = $1 AND opened_at IS NULL', [id]);
  }

  async answer(
    id: string,
    by: string,
    a: { answer: LeadAnswer; message: string | null; reason: DeclineReason | null; comment: string | null },
  ): Promise<void> {
    // Answering counts as opening: a vendor may answer from the list without opening the lead.
    await this.dataSource.query(
      `UPDATE lead SET answer = $3, answered_at = now(), answered_by = $2, message = $4, reason = $5, comment = $6,
              opened_at = COALESCE(opened_at, now())
        WHERE id = $1`,
      [id, by, a.answer, a.message, a.reason, a.comment],
    );
  }

  /** How many vendors said "intéressé" for each need: the curators' review queue. */
  async interestedCounts(needIds: readonly string[]): Promise<Map<string, number>> {
    if (needIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT need_id AS "needId", count(*)::int AS n FROM lead WHERE need_id = ANY($1::uuid[]) AND answer = 'interested' GROUP BY need_id`,
      [needIds],
    )) as { needId: string; n: number }[];
    return new Map(rows.map((r) => [r.needId, r.n]));
  }
}
