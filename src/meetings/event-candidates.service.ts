import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatchingNeedReader } from '../matches/matching-need.reader.js';
import { Ranker } from '../matches/ranking/ranker.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import type { BusinessEventRow } from './business-events.repository.js';
import { EventAttendeesRepository, type AttendeeRow } from './event-attendees.repository.js';
import { EventProposalsRepository, type EventCandidate } from './event-proposals.repository.js';

export type { EventCandidate } from './event-proposals.repository.js';

/** An event's proposals ranked for closing, with the attendees they were ranked for. */
export interface RankedEvent {
  attendeeIds: string[];
  pairs: EventCandidate[];
}

/** How deep each buyer's ranking is read for the event's registered offerings. */
const RANKING_DEPTH = 200;
/**
 * Before registration closes, a vendor's proposals are ranked live from at most this many buyers
 * (the first registered): each costs one ranking. Once closed, the stored proposals cover them all.
 */
export const LIVE_VENDOR_BUYERS = 40;
/** The buyers a vendor's live proposals rank: the first LIVE_VENDOR_BUYERS registered (attendees come in registration order). */
export function buyersRankedLive<T extends Pick<AttendeeRow, 'role'>>(attendees: readonly T[], limit = LIVE_VENDOR_BUYERS): T[] {
  return attendees.filter((a) => a.role === 'buyer').slice(0, limit);
}

/** A registered need is ranked unless it was rejected or closed: a draft created at registration counts. */
const UNRANKED_NEEDS: ReadonlySet<string> = new Set(['rejected', 'closed']);

/**
 * The event's candidate pairs come from the ranking alone (decision 028): each buyer's need is
 * ranked once, with its relevance floor, and kept are the registered vendors' offerings in it.
 * They are stored when registration closes and read from there afterwards.
 */
@Injectable()
export class EventCandidatesService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly matchingNeeds: MatchingNeedReader,
    private readonly ranker: Ranker,
    private readonly attendees: EventAttendeesRepository,
    private readonly stored: EventProposalsRepository,
  ) {}

  /**
   * The event's proposals, all of them or one attendee's: stored ones once registration closed,
   * else ranked live (for a vendor, bounded by LIVE_VENDOR_BUYERS).
   */
  async forEvent(event: BusinessEventRow, attendees: readonly AttendeeRow[], attendee?: AttendeeRow): Promise<EventCandidate[]> {
    if (event.proposalsStoredAt) return this.stored.read(event.id, attendee?.id);
    if (!attendee) return this.rank(attendees, attendees);
    if (attendee.role === 'buyer') return this.rank(attendees, [attendee]);
    const buyers = buyersRankedLive(attendees);
    return (await this.rank(attendees, buyers)).filter((p) => p.vendorAttendeeId === attendee.id);
  }

  /** Ranks every registered buyer, before the transaction that closes registration (ranking reads outside it). */
  async rankForClosing(eventId: string): Promise<RankedEvent> {
    const attendees = await this.attendees.listForEvent(eventId);
    return { attendeeIds: attendees.map((a) => a.id).sort(), pairs: await this.rank(attendees, attendees) };
  }

  /**
   * Stores the ranked proposals in the closing transaction, under the event's lock; false when
   * someone registered since they were ranked (the caller ranks again).
   */
  async store(manager: EntityManager, eventId: string, ranked: RankedEvent): Promise<boolean> {
    const now = (await this.attendees.listForEvent(eventId, manager)).map((a) => a.id).sort();
    if (now.join() !== ranked.attendeeIds.join()) return false;
    await this.stored.store(manager, eventId, ranked.pairs);
    return true;
  }

  private async rank(attendees: readonly AttendeeRow[], buyers: readonly AttendeeRow[]): Promise<EventCandidate[]> {
    const vendorOf = new Map<string, string>();
    for (const a of attendees) if (a.role === 'vendor') for (const o of a.offeringIds) vendorOf.set(o, a.id);
    const out: EventCandidate[] = [];
    for (const buyer of buyers) {
      if (buyer.role !== 'buyer' || !buyer.needId) continue;
      const need = await this.needs.findById(buyer.needId);
      if (!need || UNRANKED_NEEDS.has(need.status)) continue;
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
