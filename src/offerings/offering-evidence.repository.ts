import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A verified claim whose evidence the vendor is warned about, as the job claimed it. */
export interface ClaimedWarning {
  offeringId: string;
  claim: string;
  validUntil: string;
}

/** A verified claim of the curators' queue of expiring evidence. */
export interface ExpiringClaimRow {
  offeringId: string;
  offeringTitle: string;
  offeringStatus: string;
  vendorId: string;
  vendorName: string;
  claim: string;
  validUntil: string;
}

/**
 * The queries of evidence freshness (decision 026): verified claims by the validity date of their
 * evidence, read through the partial index of migration 1765600000000. Dates are YYYY-MM-DD.
 */
@Injectable()
export class OfferingEvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Marks up to `limit` verified claims of live offerings expiring in [today, until] that were not
   * yet warned about for that date, and returns them. SKIP LOCKED: two instances share the rows.
   */
  async claimWarnings(manager: EntityManager, today: string, until: string, limit: number): Promise<ClaimedWarning[]> {
    const [rows] = (await manager.query(
      `UPDATE offering_claim c SET expiry_warned_for = c.evidence_valid_until
         FROM (SELECT c2.offering_id, c2.claim FROM offering_claim c2
                 JOIN offering o ON o.id = c2.offering_id AND o.status <> 'archived'
                WHERE c2.status = 'verified' AND c2.evidence_valid_until BETWEEN $1::date AND $2::date
                  AND c2.expiry_warned_for IS DISTINCT FROM c2.evidence_valid_until
                ORDER BY c2.evidence_valid_until, c2.offering_id, c2.claim
                LIMIT $3 FOR UPDATE OF c2 SKIP LOCKED) due
        WHERE c.offering_id = due.offering_id AND c.claim = due.claim
        RETURNING c.offering_id AS "offeringId", c.claim, to_char(c.evidence_valid_until, 'YYYY-MM-DD') AS "validUntil"`,
      [today, until, limit],
    )) as [ClaimedWarning[], number];
    return rows;
  }

  /**
   * Locks up to `limit` offerings holding a verified claim whose evidence expired before `today`,
   * skipping those another instance (or a curator's decision) holds; returns their ids.
   */
  async lockWithExpiredClaims(manager: EntityManager, today: string, limit: number): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT o.id FROM offering o
        WHERE EXISTS (SELECT 1 FROM offering_claim c
                       WHERE c.offering_id = o.id AND c.status = 'verified' AND c.evidence_valid_until < $1::date)
        ORDER BY o.id LIMIT $2 FOR UPDATE OF o SKIP LOCKED`,
      [today, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Verified claims of live offerings whose evidence is valid until `until` at most, soonest first. */
  async expiring(until: string, window: { offset: number; limit: number }): Promise<{ rows: ExpiringClaimRow[]; total: number }> {
    const from = `FROM offering_claim c
                  JOIN offering o ON o.id = c.offering_id AND o.status <> 'archived'
                  JOIN organisation org ON org.id = o.vendor_id
                 WHERE c.status = 'verified' AND c.evidence_valid_until <= $1::date`;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `SELECT o.id AS "offeringId", o.title AS "offeringTitle", o.status AS "offeringStatus", org.id AS "vendorId",
                org.name AS "vendorName", c.claim, to_char(c.evidence_valid_until, 'YYYY-MM-DD') AS "validUntil"
           ${from}
          ORDER BY c.evidence_valid_until, o.title, o.id, c.claim
          OFFSET $2 LIMIT $3`,
        [until, window.offset, window.limit],
      ) as Promise<ExpiringClaimRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total ${from}`, [until]) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count.total };
  }
}
