import { createEvents, type EventAttributes } from 'ics';

/*
 * An attendee's agenda as an iCalendar file (RFC 5545), written with the `ics` package. Event
 * times are Paris local times; the file carries them in UTC so every calendar places them right.
 */

export interface CalendarMeeting {
  id: string;
  slot: number;
  table: number;
  counterpart: string;
  offeringTitle: string;
}

export interface CalendarEvent {
  id: string;
  title: string;
  date: string;
  opensMinute: number;
  meetingMinutes: number;
  place: string;
}

/** The UTC instant of a Paris wall-clock time on a day (DST handled by the platform's time zones). */
export function parisInstant(date: string, minuteOfDay: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(asUtc))
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  // Paris is ahead of UTC by (shown − asUtc): the wall-clock time happens that much earlier in UTC.
  return new Date(asUtc - (shown - asUtc));
}

export function agendaCalendar(event: CalendarEvent, meetings: readonly CalendarMeeting[]): string {
  const events: EventAttributes[] = meetings.map((m) => ({
    uid: `${m.id}@circuit-ia`,
    start: parisInstant(event.date, event.opensMinute + m.slot * event.meetingMinutes).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.meetingMinutes },
    title: `Rendez-vous avec ${m.counterpart} — table ${m.table}`,
    description: `${event.title}\nOffre : ${m.offeringTitle}\nTable ${m.table}`,
    location: event.place,
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    productId: 'circuit-ia/rendez-vous',
    calName: event.title,
  }));
  const { error, value } = createEvents(events, { productId: 'circuit-ia/rendez-vous', calName: event.title });
  if (error || value === null) throw error ?? new Error('ics produced no calendar');
  return value;
}
