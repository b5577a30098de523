import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/caller.js';
import { requireActiveOrganisation } from '../identity/access.js';
import { findCommune } from '../reference/geo/geography.js';
import { agendaCalendar } from './agenda-calendar.js';
import { BusinessEventsRepository, type BusinessEventRow } from './business-events.repository.js';
import type { EventMeetingDto } from './dto/event-registration.dto.js';
import { EventAttendeesRepository, type AttendeeRow, type MeetingRow } from './event-attendees.repository.js';
import { clockTime } from './event-lifecycle.js';
import { MeetingsErrors } from './meetings.errors.js';

/**
 * Agendas and the curator's grid (decision 028). The buyer is named here, and only here on the
 * vendor's side, because a meeting between them is seated.
 */
@Injectable()
export class EventAgendaService {
  constructor(
    private readonly events: BusinessEventsRepository,
    private readonly attendees: EventAttendeesRepository,
  ) {}

  /** The curator's grid: every seated meeting, by slot and table. */
  async grid(eventId: string): Promise<EventMeetingDto[]> {
    const event = await this.found(eventId);
    const attendees = await this.attendeesById(eventId);
    return (await this.attendees.seatedMeetings(eventId)).map((m) => meetingDto(event, m, attendees));
  }

  async agenda(caller: Caller, eventId: string): Promise<EventMeetingDto[]> {
    const event = await this.found(eventId);
    return this.meetingsOf(event, (await this.me(caller, eventId)).id);
  }

  async agendaCalendar(caller: Caller, eventId: string): Promise<string> {
    const event = await this.found(eventId);
    return this.calendar(event, (await this.me(caller, eventId)).id);
  }

  async meetingsOf(event: BusinessEventRow, attendeeId: string): Promise<EventMeetingDto[]> {
    const attendees = await this.attendeesById(event.id);
    return (await this.attendees.seatedMeetings(event.id))
      .filter((m) => m.buyerAttendeeId === attendeeId || m.vendorAttendeeId === attendeeId)
      .map((m) => meetingDto(event, m, attendees));
  }

  async calendar(event: BusinessEventRow, attendeeId: string): Promise<string> {
    const attendees = await this.attendeesById(event.id);
    const role = attendees.get(attendeeId)?.role;
    const meetings = (await this.meetingsOf(event, attendeeId)).map((m) => ({
      id: m.id,
      slot: m.slot,
      table: m.table,
      counterpart: role === 'buyer' ? m.vendorName : m.buyerName,
      offeringTitle: m.offeringTitle,
    }));
    const place = [event.venue, findCommune(event.communeCode)?.name].filter(Boolean).join(', ');
    return agendaCalendar(
      { id: event.id, title: event.title, date: event.date, opensMinute: event.opensMinute, meetingMinutes: event.meetingMinutes, place },
      meetings,
    );
  }

  private async me(caller: Caller, eventId: string): Promise<AttendeeRow> {
    const me = await this.attendees.findByOrganisation(eventId, requireActiveOrganisation(caller));
    if (!me) throw MeetingsErrors.EVENT_NOT_REGISTERED();
    return me;
  }

  private async attendeesById(eventId: string): Promise<Map<string, AttendeeRow>> {
    return new Map((await this.attendees.listForEvent(eventId)).map((a) => [a.id, a]));
  }

  private async found(eventId: string): Promise<BusinessEventRow> {
    const event = await this.events.findById(eventId);
    if (!event) throw MeetingsErrors.EVENT_NOT_FOUND();
    return event;
  }
}

function meetingDto(event: BusinessEventRow, m: MeetingRow, attendees: Map<string, AttendeeRow>): EventMeetingDto {
  const starts = event.opensMinute + m.slot * event.meetingMinutes;
  return {
    id: m.id,
    slot: m.slot,
    startsAt: clockTime(starts),
    endsAt: clockTime(starts + event.meetingMinutes),
    table: m.tableNumber,
    buyerName: attendees.get(m.buyerAttendeeId)?.organisationName ?? '',
    vendorName: attendees.get(m.vendorAttendeeId)?.organisationName ?? '',
    offeringTitle: m.offeringTitle,
    score: m.score,
    status: m.status,
  };
}
