import { Injectable } from '@nestjs/common';
import { MatchingNeedReader } from '../matches/matching-need.reader.js';
import { Ranker } from '../matches/ranking/ranker.js';
import type { ExplainedCriterion } from '../matches/scoring/ranking.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import type { AttendeeRow } from './event-attendees.repository.js';

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

/** How deep each buyer's ranking is read for the event's registered offerings. */
const RANKING_DEPTH = 200;

/**
 * The event's candidate pairs come from the ranking alone (decision 028): each buyer's need is
 * ranked once, with its relevance floor, and kept are the registered vendors' offerings in it.
 */
@Injectable()
export class EventCandidatesService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly matchingNeeds: MatchingNeedReader,
    private readonly ranker: Ranker,
  ) {}

  async forAttendees(attendees: readonly AttendeeRow[], onlyBuyerId?: string): Promise<EventCandidate[]> {
    const vendorOf = new Map<string, string>();
    for (const a of attendees) if (a.role === 'vendor') for (const o of a.offeringIds) vendorOf.set(o, a.id);
    const out: EventCandidate[] = [];
    for (const buyer of attendees) {
      if (buyer.role !== 'buyer' || !buyer.needId || (onlyBuyerId && buyer.id !== onlyBuyerId)) continue;
      const need = await this.needs.findById(buyer.needId);
      if (!need || need.status !== 'published') continue;
      const ranking = await this.ranker.rank(await this.matchingNeeds.withBuyerType(need), RANKING_DEPTH);
      const seen = new Set<string>();
      for (const m of ranking.items) {
        const vendorAttendeeId = vendorOf.get(m.row.id);
        // Ranked best first: the first offering of a vendor is its best for this need.
        if (!vendorAttendeeId || seen.has(vendorAttendeeId)) continue;
        seen.add(vendorAttendeeId);
        out.push({
          buyerAttendeeId: buyer.id,
          vendorAttendeeId,
          needId: need.id,
          offeringId: m.row.id,
          offeringTitle: m.row.title,
          total: m.scored.total,
          criteria: m.scored.criteria,
        });
      }
    }
    return out;
  }
}
