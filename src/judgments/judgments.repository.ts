import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { JudgmentRecord } from './judgment-record.js';
import type { JudgmentReason, Verdict } from './judgment-vocabulary.js';

/** Whose mark on which pair: one current mark per need, offering and curator. */
export interface JudgmentKey {
  needId: string;
  offeringId: string;
  curatorId: string;
}

export interface JudgmentValues {
  verdict: Verdict;
  reason: JudgmentReason;
  comment: string | null;
  rank: number | null;
  scoringVersion: string;
}

/** The mark itself, as the audit log records it. */
export interface StoredJudgment extends JudgmentKey, JudgmentValues {
  id: string;
}

const STORED = `id, need_id AS "needId", offering_id AS "offeringId", curator_id AS "curatorId", verdict, reason, comment, rank,
  scoring_version AS "scoringVersion"`;

/** A mark with the titles and names it is read by; curators' display names, never e-mails. */
const RECORD = `SELECT j.id, j.need_id AS "needId", n.title AS "needTitle", buyer.name AS "buyerName",
    j.offering_id AS "offeringId", o.title AS "offeringTitle", vendor.name AS "vendorName",
    j.curator_id AS "curatorId", u.display_name AS "curatorName", j.verdict, j.reason, j.comment, j.rank,
    j.scoring_version AS "scoringVersion", j.created_at AS "createdAt", j.updated_at AS "updatedAt"
  FROM relevance_judgment j
  JOIN need n ON n.id = j.need_id
  JOIN organisation buyer ON buyer.id = n.organisation_id
  JOIN offering o ON o.id = j.offering_id
  JOIN organisation vendor ON vendor.id = o.vendor_id
  JOIN app_user u ON u.id = j.curator_id`;

@Injectable()
export class JudgmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The curator's current mark on the pair, locked until the transaction ends (for the audit's "before"). */
  async lockOwn(manager: EntityManager, key: JudgmentKey): Promise<StoredJudgment | null> {
    const rows = (await manager.query(
      `SELECT ${STORED} FROM relevance_judgment WHERE need_id = $1 AND offering_id = $2 AND curator_id = $3 FOR UPDATE`,
      [key.needId, key.offeringId, key.curatorId],
    )) as StoredJudgment[];
    return rows[0] ?? null;
  }

  /** Inserts the mark, or replaces the curator's previous one on the pair (created_at kept). */
  async upsert(manager: EntityManager, key: JudgmentKey, values: JudgmentValues): Promise<StoredJudgment> {
    const rows = (await manager.query(
      `INSERT INTO relevance_judgment (need_id, offering_id, curator_id, verdict, reason, comment, rank, scoring_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (need_id, offering_id, curator_id) DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason,
         comment = EXCLUDED.comment, rank = EXCLUDED.rank, scoring_version = EXCLUDED.scoring_version, updated_at = now()
       RETURNING ${STORED}`,
      [key.needId, key.offeringId, key.curatorId, values.verdict, values.reason, values.comment, values.rank, values.scoringVersion],
    )) as StoredJudgment[];
    return rows[0];
  }

  /** Removes the curator's mark on the pair; null when there was none. */
  async deleteOwn(manager: EntityManager, key: JudgmentKey): Promise<StoredJudgment | null> {
    const rows = (await manager.query(
      `DELETE FROM relevance_judgment WHERE need_id = $1 AND offering_id = $2 AND curator_id = $3 RETURNING ${STORED}`,
      [key.needId, key.offeringId, key.curatorId],
    )) as [StoredJudgment[], number];
    return rows[0][0] ?? null;
  }

  findRecord(id: string): Promise<JudgmentRecord | null> {
    return this.records(`${RECORD} WHERE j.id = $1`, [id]).then((rows) => rows[0] ?? null);
  }

  /** A curator's own marks on a need (the console shows them beside each offering). */
  findOwnOnNeed(needId: string, curatorId: string): Promise<JudgmentRecord[]> {
    return this.records(`${RECORD} WHERE j.need_id = $1 AND j.curator_id = $2`, [needId, curatorId]);
  }

  /** A page of marks, last changed first; on one need when `needId` is given. */
  async findPage(
    needId: string | undefined,
    window: { offset: number; limit: number },
  ): Promise<{ items: JudgmentRecord[]; total: number }> {
    const where = needId ? 'WHERE j.need_id = $1' : '';
    const params = needId ? [needId] : [];
    const [items, count] = await Promise.all([
      this.records(`${RECORD} ${where} ORDER BY j.updated_at DESC, j.id LIMIT ${window.limit} OFFSET ${window.offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM relevance_judgment j ${where}`, params) as Promise<{ total: number }[]>,
    ]);
    return { items, total: count[0].total };
  }

  /** Every mark, grouped by pair and oldest first inside a pair: the export's order. */
  findAllForExport(): Promise<JudgmentRecord[]> {
    return this.records(`${RECORD} ORDER BY j.need_id, j.offering_id, j.updated_at, j.id`, []);
  }

  private async records(sql: string, params: unknown[]): Promise<JudgmentRecord[]> {
    return (await this.dataSource.query(sql, params)) as JudgmentRecord[];
  }
}
