import type { AttendeeRow, MeetingRow } from './event-attendees.repository.js';
import { seatViolations } from './event-grid.service.js';

/* The curator's hand on the grid, judged by the scheduler's validator with the other meetings fixed. */

const event = { opensMinute: 540, closesMinute: 600, meetingMinutes: 20, tables: 2 };
const attendee = (id: string, role: 'buyer' | 'vendor', availableSlots = [0, 1, 2], maxMeetings = 3): AttendeeRow =>
  ({ id, role, availableSlots, maxMeetings, offeringIds: [], needId: null }) as unknown as AttendeeRow;
const meeting = (id: string, buyer: string, vendor: string, slot: number, table: number): MeetingRow =>
  ({ id, status: 'scheduled', buyerAttendeeId: buyer, vendorAttendeeId: vendor, slot, tableNumber: table }) as MeetingRow;

describe('seatViolations', () => {
  const attendees = [attendee('b1', 'buyer'), attendee('b2', 'buyer', [0, 1], 1), attendee('v1', 'vendor'), attendee('v2', 'vendor')];
  const m1 = meeting('m1', 'b1', 'v1', 0, 1);
  const m2 = meeting('m2', 'b2', 'v2', 1, 1);
  const seated = [m1, m2];

  it('accepts a move to a free seat, and a swap', () => {
    expect(seatViolations(event, attendees, seated, [{ meeting: m1, to: { slot: 2, table: 2 } }])).toEqual([]);
    expect(
      seatViolations(event, attendees, seated, [
        { meeting: m1, to: { slot: 1, table: 1 } },
        { meeting: m2, to: { slot: 0, table: 1 } },
      ]),
    ).toEqual([]);
  });

  it('refuses a taken table, an unavailable attendee, a double-booked attendee and seats outside the day', () => {
    expect(seatViolations(event, attendees, seated, [{ meeting: m1, to: { slot: 1, table: 1 } }])).toEqual(['table_double_booked']);
    expect(seatViolations(event, attendees, seated, [{ meeting: m2, to: { slot: 2, table: 2 } }])).toEqual(['unavailable']);
    const sameVendor = meeting('m3', 'b2', 'v1', 1, 2);
    expect(seatViolations(event, attendees, [m1, sameVendor], [{ meeting: m1, to: { slot: 1, table: 1 } }])).toEqual([
      'attendee_double_booked',
    ]);
    expect(seatViolations(event, attendees, seated, [{ meeting: m1, to: { slot: 3, table: 3 } }])).toEqual(
      expect.arrayContaining(['slot_out_of_range', 'table_out_of_range', 'unavailable']),
    );
  });

  it('refuses a grid that leaves an attendee over their cap', () => {
    const over = meeting('m4', 'b2', 'v1', 0, 2);
    expect(seatViolations(event, attendees, [m2, over], [{ meeting: over, to: { slot: 0, table: 2 } }])).toEqual(['cap_exceeded']);
  });
});
