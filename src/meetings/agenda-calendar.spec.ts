import { describe, expect, it } from '@jest/globals';
import { agendaCalendar, parisInstant } from './agenda-calendar.js';

describe('agenda calendar', () => {
  it.each([
    ['2027-03-18', 9 * 60, '2027-03-18T08:00:00.000Z'], // winter time, UTC+1
    ['2027-06-17', 9 * 60, '2027-06-17T07:00:00.000Z'], // summer time, UTC+2
  ])('places %s at %i minutes in Paris at %s', (date, minute, iso) => {
    expect(parisInstant(date, minute).toISOString()).toBe(iso);
  });

  it('writes one confirmed event per meeting, at its slot, in UTC', () => {
    const ics = agendaCalendar(
      { id: 'e', title: "Osez l'IA — Nice", date: '2027-03-18', opensMinute: 9 * 60, meetingMinutes: 20, place: 'Nice' },
      [{ id: 'm1', slot: 2, table: 7, counterpart: 'Prévi Ventes', offeringTitle: 'Prévision des ventes' }],
    );
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('UID:m1@circuit-ia');
    expect(ics).toContain('DTSTART:20270318T084000Z');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('table 7');
  });
});
