import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ExplainedCriterion } from '../matches/scoring/ranking.js';

/** A (buyer, vendor) pair of an event the ranking proposes, through the vendor's best registered offering. */
export interface EventCandidate {
  buyerAttendeeId: string;
  vendorAttendeeId: string;
  needId: string;
  offeringId: string;
  offeringTitle: string;
  total: number;
  criteria: ExplainedCriterion[];
}

/** The proposals stored when an event's registration closes (decision 028). */
@Injectable()
export class EventProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces the event's stored proposals and stamps the event; in the closing transaction. */
  async store(manager: EntityManager, eventId: string, pairs: readonly EventCandidate[]): Promise<void> {
    await manager.query(`DELETE FROM event_proposal WHERE event_id = $1`, [eventId]);
    if (pairs.length) {
      await manager.query(
        `INSERT INTO event_proposal (event_id, buyer_attendee_id, vendor_attendee_id, need_id, offering_id, total, criteria)
         SELECT $1, b, v, n, f, t, c FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::float8[], $7::jsonb[]) AS x(b, v, n, f, t, c)`,
        [
          eventId,
          pairs.map((p) => p.buyerAttendeeId),
          pairs.map((p) => p.vendorAttendeeId),
          pairs.map((p) => p.needId),
          pairs.map((p) => p.offeringId),
          pairs.map((p) => p.total),
          pairs.map((p) => JSON.stringify(p.criteria)),
        ],
      );
    }
    await manager.query(`UPDATE business_event SET proposals_stored_at = now() WHERE id = $1`, [eventId]);
  }

  /** The stored proposals, every one or those of one attendee (either side), best first. */
  async read(eventId: string, attendeeId?: string): Promise<EventCandidate[]> {
    return (await this.dataSource.query(
      `SELECT p.buyer_attendee_id AS "buyerAttendeeId", p.vendor_attendee_id AS "vendorAttendeeId", p.need_id AS "needId",
              p.offering_id AS "offeringId", f.title AS "offeringTitle", p.total, p.criteria
         FROM event_proposal p JOIN offering f ON f.id = p.offering_id
        WHERE p.event_id = $1 AND ($2::uuid IS NULL OR $2 IN (p.buyer_attendee_id, p.vendor_attendee_id))
        ORDER BY p.total DESC, p.buyer_attendee_id, p.vendor_attendee_id`,
      [eventId, attendeeId ?? null],
    )) as EventCandidate[];
  }
}
