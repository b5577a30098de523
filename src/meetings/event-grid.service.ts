import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TransactionRunner } from '../persistence/transaction-runner.js';
import { EVENT_SCHEDULED } from './agenda-mailer.js';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import { EventAttendeesRepository, type AttendeeRow, type MeetingRow } from './event-attendees.repository.js';
import { slotCount } from './event-lifecycle.js';
import { MeetingsErrors } from './meetings.errors.js';
import type { Meeting, SchedulingAttendee, SchedulingInput } from './scheduling/schedule-types.js';
import { validateSchedule } from './scheduling/validate-schedule.js';

/** A seat of the grid: a slot index and a table number (1-based). */
export interface Seat {
  slot: number;
  table: number;
}

/** The scheduler's view of the attendees: their slots within the day and their cap. */
export function schedulingAttendees(attendees: readonly AttendeeRow[], slots: number): SchedulingAttendee[] {
  return attendees.map((a) => ({ id: a.id, role: a.role, available: a.availableSlots.filter((s) => s < slots), cap: a.maxMeetings }));
}

/**
 * The curator's hand on the grid (decision 028): a meeting moved to another seat, or two meetings
 * swapped. Every change is checked by the scheduler's own validator, with every other meeting held
 * fixed, so a hand-made grid obeys the same rules as a computed one; refused changes name the rule.
 * Changed agendas are mailed again through the outbox, like a re-run.
 */
@Injectable()
export class EventGridService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: BusinessEventsRepository,
    private readonly attendees: EventAttendeesRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
  ) {}

  /** The registered organisations, by side, for the curator's pair form. */
  async attendeesOf(eventId: string): Promise<{ buyers: { id: string; name: string }[]; vendors: { id: string; name: string }[] }> {
    const all = (await this.attendees.listForEvent(eventId)).map((a) => ({ id: a.id, name: a.organisationName, role: a.role }));
    const side = (role: string) => all.filter((a) => a.role === role).map(({ id, name }) => ({ id, name }));
    return { buyers: side('buyer'), vendors: side('vendor') };
  }

  async move(caller: Caller, eventId: string, meetingId: string, to: Seat): Promise<void> {
    await this.change(caller, eventId, 'business_event.meeting_moved', (seated) => {
      const meeting = scheduledMeeting(seated, meetingId);
      return [{ meeting, to }];
    });
  }

  async swap(caller: Caller, eventId: string, meetingId: string, otherId: string): Promise<void> {
    if (meetingId === otherId)
      throw MeetingsErrors.EVENT_SEAT_REFUSED('A meeting cannot be swapped with itself.', { violations: ['same_meeting'] });
    await this.change(caller, eventId, 'business_event.meetings_swapped', (seated) => {
      const a = scheduledMeeting(seated, meetingId);
      const b = scheduledMeeting(seated, otherId);
      return [
        { meeting: a, to: { slot: b.slot, table: b.tableNumber } },
        { meeting: b, to: { slot: a.slot, table: a.tableNumber } },
      ];
    });
  }

  private async change(
    caller: Caller,
    eventId: string,
    action: string,
    plan: (seated: MeetingRow[]) => { meeting: MeetingRow; to: Seat }[],
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      const event = await this.events.lockById(manager, eventId);
      if (!event) throw MeetingsErrors.EVENT_NOT_FOUND();
      if (event.status !== 'scheduled') throw MeetingsErrors.EVENT_INVALID_TRANSITION('Meetings move only on a scheduled event.');
      const seated = await this.attendees.seatedMeetings(eventId, manager);
      const moves = plan(seated);
      const violations = seatViolations(event, await this.attendees.listForEvent(eventId, manager), seated, moves);
      if (violations.length) throw MeetingsErrors.EVENT_SEAT_REFUSED(undefined, { violations });
      await this.reseat(manager, moves);
      await this.audit.record(manager, caller, {
        action,
        entityType: 'business_event',
        entityId: eventId,
        before: { meetings: moves.map((m) => ({ id: m.meeting.id, slot: m.meeting.slot, table: m.meeting.tableNumber })) },
        after: { meetings: moves.map((m) => ({ id: m.meeting.id, ...m.to })) },
      });
      await this.outbox.enqueue(manager, EVENT_SCHEDULED, { eventId, version: event.version });
    });
  }

  /** The seats change in two steps, through seats no meeting uses, so the unique indexes never see a swap half done. */
  private async reseat(manager: EntityManager, moves: { meeting: MeetingRow; to: Seat }[]): Promise<void> {
    const aside = (i: number) => 1_000_000 + i;
    for (const [i, m] of moves.entries()) await this.attendees.moveMeeting(manager, m.meeting.id, aside(i), m.to.table);
    for (const m of moves) await this.attendees.moveMeeting(manager, m.meeting.id, m.to.slot, m.to.table);
  }
}

function scheduledMeeting(seated: readonly MeetingRow[], meetingId: string): MeetingRow {
  const meeting = seated.find((m) => m.id === meetingId && m.status === 'scheduled');
  if (!meeting) throw MeetingsErrors.EVENT_MEETING_NOT_FOUND();
  return meeting;
}

/**
 * The validator's verdict on the grid after the moves: the moved meetings are candidates, every
 * other seated meeting is fixed where it is. Returns the kinds of rules broken (none: accepted).
 */
export function seatViolations(
  event: Pick<BusinessEventRow, 'opensMinute' | 'closesMinute' | 'meetingMinutes' | 'tables'>,
  attendees: readonly AttendeeRow[],
  seated: readonly MeetingRow[],
  moves: readonly { meeting: MeetingRow; to: Seat }[],
): string[] {
  const slots = slotCount(event.opensMinute, event.closesMinute, event.meetingMinutes);
  const moved = new Map(moves.map((m) => [m.meeting.id, m.to]));
  const asMeeting = (m: MeetingRow, seat: Seat = { slot: m.slot, table: m.tableNumber }): Meeting => ({
    buyerId: m.buyerAttendeeId,
    vendorId: m.vendorAttendeeId,
    ...seat,
  });
  const input: SchedulingInput = {
    slots,
    tables: event.tables,
    attendees: schedulingAttendees(attendees, slots),
    pairs: moves.map((m) => ({ ...asMeeting(m.meeting), score: 0, buyerWishes: false, vendorWishes: false })),
    fixed: seated.filter((m) => !moved.has(m.id)).map((m) => asMeeting(m)),
  };
  const after = seated.map((m) => asMeeting(m, moved.get(m.id)));
  return [...new Set(validateSchedule(input, after).map((v) => v.kind))];
}
