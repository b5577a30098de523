import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { EVENT_SCHEDULED } from './agenda-mailer.js';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import type { PairOverrideDto, ScheduleRunDto } from './dto/event-registration.dto.js';
import { EventAttendeesRepository } from './event-attendees.repository.js';
import { EventCandidatesService } from './event-candidates.service.js';
import { schedulingAttendees } from './event-grid.service.js';
import { assertEventTransition, slotCount } from './event-lifecycle.js';
import { MeetingsErrors } from './meetings.errors.js';
import { pairKey } from './scheduling/pair-weight.js';
import { scheduleMeetings } from './scheduling/schedule-meetings.js';
import type { SchedulingInput } from './scheduling/schedule-types.js';
import { validateSchedule } from './scheduling/validate-schedule.js';

/** Seconds a curator waits for the scheduler at most (decision 028's benchmark: 2.6 s at 300 attendees). */
const SCHEDULER_TIME_LIMIT = 5;

/**
 * The curator runs the scheduler on a closed event; meetings already seated stay where they are,
 * so after a cancellation a re-run only fills the freed seats.
 */
@Injectable()
export class EventSchedulingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: BusinessEventsRepository,
    private readonly attendees: EventAttendeesRepository,
    private readonly candidates: EventCandidatesService,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
  ) {}

  async run(caller: Caller, eventId: string): Promise<ScheduleRunDto> {
    const event = await this.found(eventId);
    assertEventTransition(event.status, 'schedule');
    // Ranking reads only published data: computed before the transaction to keep the lock short.
    const attendees = await this.attendees.listForEvent(eventId);
    const cancelled = new Set((await this.attendees.cancelledPairs(eventId)).map((c) => pairKey(c.buyerAttendeeId, c.vendorAttendeeId)));
    const overrides = await this.attendees.pairOverrides(eventId);
    const removed = new Set(overrides.filter((o) => o.kind === 'removed').map((o) => pairKey(o.buyerAttendeeId, o.vendorAttendeeId)));
    // Stored when registration closed (decision 028); ranked afresh only for an event closed before they were.
    const ranked = (await this.candidates.forEvent(event, attendees)).filter(
      (p) => !removed.has(pairKey(p.buyerAttendeeId, p.vendorAttendeeId)),
    );
    // A curator's added pair joins the ranked ones (score 0 when the ranking did not propose it).
    const rankedKeys = new Set(ranked.map((p) => pairKey(p.buyerAttendeeId, p.vendorAttendeeId)));
    const added = overrides.filter((o) => o.kind === 'added');
    const curatorPairs = new Set(added.map((o) => pairKey(o.buyerAttendeeId, o.vendorAttendeeId)));
    const needOf = new Map(attendees.map((a) => [a.id, a.needId]));
    const pairs = [
      ...ranked,
      ...added
        .filter((o) => !rankedKeys.has(pairKey(o.buyerAttendeeId, o.vendorAttendeeId)))
        .map((o) => ({
          ...o,
          needId: needOf.get(o.buyerAttendeeId)!,
          offeringId: o.offeringId!,
          offeringTitle: o.offeringTitle ?? '',
          total: 0,
          criteria: [],
        })),
    ].filter((p) => !cancelled.has(pairKey(p.buyerAttendeeId, p.vendorAttendeeId)));
    const wishes = new Set((await this.attendees.wishesForEvent(eventId)).map((w) => `${w.attendeeId}>${w.counterpartId}`));
    return this.transactions.run(async (manager) => {
      const locked = await this.events.lockById(manager, eventId);
      const next = assertEventTransition(locked!.status, 'schedule');
      const fixed = await this.attendees.seatedMeetings(eventId, manager);
      const slots = slotCount(event.opensMinute, event.closesMinute, event.meetingMinutes);
      const input: SchedulingInput = {
        slots,
        tables: event.tables,
        attendees: schedulingAttendees(attendees, slots),
        pairs: pairs.map((p) => ({
          buyerId: p.buyerAttendeeId,
          vendorId: p.vendorAttendeeId,
          score: p.total / 100,
          // The curator's hand counts as one side's wish.
          buyerWishes:
            wishes.has(`${p.buyerAttendeeId}>${p.vendorAttendeeId}`) || curatorPairs.has(pairKey(p.buyerAttendeeId, p.vendorAttendeeId)),
          vendorWishes: wishes.has(`${p.vendorAttendeeId}>${p.buyerAttendeeId}`),
        })),
        fixed: fixed.map((m) => ({ buyerId: m.buyerAttendeeId, vendorId: m.vendorAttendeeId, slot: m.slot, table: m.tableNumber })),
      };
      const result = await scheduleMeetings(input, { timeLimitSeconds: SCHEDULER_TIME_LIMIT });
      const violations = validateSchedule(input, result.meetings);
      if (violations.length) throw new Error(`scheduler produced an invalid schedule: ${JSON.stringify(violations.slice(0, 5))}`);
      const kept = new Set(fixed.map((m) => pairKey(m.buyerAttendeeId, m.vendorAttendeeId)));
      const byPair = new Map(pairs.map((p) => [pairKey(p.buyerAttendeeId, p.vendorAttendeeId), p]));
      const added = result.meetings
        .filter((m) => !kept.has(pairKey(m.buyerId, m.vendorId)))
        .map((m) => {
          const p = byPair.get(pairKey(m.buyerId, m.vendorId))!;
          return {
            buyerAttendeeId: m.buyerId,
            vendorAttendeeId: m.vendorId,
            offeringId: p.offeringId,
            slot: m.slot,
            tableNumber: m.table,
            score: p.total,
          };
        });
      await this.attendees.insertMeetings(manager, eventId, added);
      const updated = await this.events.setStatus(manager, eventId, next);
      await this.audit.record(manager, caller, {
        action: 'business_event.schedule',
        entityType: 'business_event',
        entityId: eventId,
        before: { status: locked!.status, version: locked!.version },
        after: {
          status: updated.status,
          version: updated.version,
          added: added.length,
          kept: fixed.length,
          solver: result.status,
          gap: result.gap,
        },
      });
      // Agendas and their calendar files are mailed after the commit, through the outbox.
      await this.outbox.enqueue(manager, EVENT_SCHEDULED, { eventId, version: updated.version });
      return { meetings: result.meetings.length, kept: fixed.length, status: result.status, gap: result.gap };
    });
  }

  /** A curator adds a pair to the next run, or removes one from it (audited). */
  async setPair(caller: Caller, eventId: string, dto: PairOverrideDto): Promise<void> {
    const event = await this.found(eventId);
    if (!['open', 'closed', 'scheduled'].includes(event.status))
      throw MeetingsErrors.EVENT_INVALID_TRANSITION(`A ${event.status} event takes no pair changes.`);
    const attendees = new Map((await this.attendees.listForEvent(eventId)).map((a) => [a.id, a]));
    const buyer = attendees.get(dto.buyerAttendeeId);
    const vendor = attendees.get(dto.vendorAttendeeId);
    if (buyer?.role !== 'buyer' || vendor?.role !== 'vendor') throw MeetingsErrors.EVENT_PAIR_INVALID();
    const offeringId = dto.kind === 'added' ? (dto.offeringId ?? vendor.offeringIds[0]) : null;
    if (offeringId !== null && !vendor.offeringIds.includes(offeringId))
      throw MeetingsErrors.EVENT_PAIR_INVALID('The offering must be one the vendor registered with.');
    await this.transactions.run(async (manager) => {
      await this.attendees.setPairOverride(manager, {
        buyerAttendeeId: buyer.id,
        vendorAttendeeId: vendor.id,
        kind: dto.kind,
        offeringId,
        createdBy: caller.userId,
      });
      await this.audit.record(manager, caller, {
        action: `business_event.pair_${dto.kind}`,
        entityType: 'business_event',
        entityId: eventId,
        after: { buyerAttendeeId: buyer.id, vendorAttendeeId: vendor.id, offeringId },
      });
    });
  }

  /** A cancelled meeting frees its seat; the curator's next run may fill it, the others stay put. */
  async cancel(caller: Caller, eventId: string, meetingId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const event = await this.events.lockById(manager, eventId);
      if (!event) throw MeetingsErrors.EVENT_MEETING_NOT_FOUND();
      // Once held, the day's meetings are a record (figures, introductions): as for moves and swaps.
      if (event.status !== 'scheduled') throw MeetingsErrors.EVENT_INVALID_TRANSITION('Meetings are cancelled only on a scheduled event.');
      if (!(await this.attendees.cancelMeeting(manager, eventId, meetingId))) throw MeetingsErrors.EVENT_MEETING_NOT_FOUND();
      await this.audit.record(manager, caller, {
        action: 'business_event.meeting_cancelled',
        entityType: 'business_event',
        entityId: eventId,
        after: { meetingId },
      });
      // Both sides get their agenda again, or word that they have no meeting left.
      await this.outbox.enqueue(manager, EVENT_SCHEDULED, { eventId, version: event.version });
    });
  }

  private async found(eventId: string): Promise<BusinessEventRow> {
    const event = await this.events.findById(eventId);
    if (!event) throw MeetingsErrors.EVENT_NOT_FOUND();
    return event;
  }
}
