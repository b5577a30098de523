import { describe, expect, it } from '@jest/globals';
import type { Meeting, SchedulingInput } from './schedule-types.js';
import { validateSchedule } from './validate-schedule.js';

const input: SchedulingInput = {
  slots: 3,
  tables: 2,
  attendees: [
    { id: 'b1', role: 'buyer', available: [0, 1, 2], cap: 2 },
    { id: 'b2', role: 'buyer', available: [0, 1], cap: 1 },
    { id: 'v1', role: 'vendor', available: [0, 1, 2], cap: 3 },
    { id: 'v2', role: 'vendor', available: [1, 2], cap: 3 },
  ],
  pairs: [
    { buyerId: 'b1', vendorId: 'v1', score: 0.5, buyerWishes: true, vendorWishes: false },
    { buyerId: 'b1', vendorId: 'v2', score: 0.5, buyerWishes: false, vendorWishes: false },
    { buyerId: 'b2', vendorId: 'v1', score: 0.5, buyerWishes: false, vendorWishes: true },
    { buyerId: 'b2', vendorId: 'v2', score: 0.5, buyerWishes: false, vendorWishes: false },
  ],
  fixed: [],
};
const m = (buyerId: string, vendorId: string, slot: number, table: number): Meeting => ({ buyerId, vendorId, slot, table });

describe('validateSchedule', () => {
  it('accepts a schedule that keeps every rule', () => {
    expect(validateSchedule(input, [m('b1', 'v1', 0, 1), m('b2', 'v2', 1, 1), m('b1', 'v2', 2, 2)])).toEqual([]);
  });

  it.each([
    ['slot_out_of_range', [m('b1', 'v1', 3, 1)]],
    ['table_out_of_range', [m('b1', 'v1', 0, 3)]],
    ['unknown_attendee', [m('b9', 'v1', 0, 1)]],
    ['wrong_role', [m('v1', 'v1', 0, 1)]],
    ['unavailable', [m('b1', 'v2', 0, 1)]],
    ['attendee_double_booked', [m('b1', 'v1', 1, 1), m('b1', 'v2', 1, 2)]],
    ['table_double_booked', [m('b1', 'v1', 1, 1), m('b2', 'v2', 1, 1)]],
    ['cap_exceeded', [m('b2', 'v1', 0, 1), m('b2', 'v2', 1, 1)]],
    ['pair_met_twice', [m('b1', 'v1', 0, 1), m('b1', 'v1', 1, 1)]],
  ] as const)('reports %s', (kind, meetings) => {
    expect(validateSchedule(input, meetings).map((v) => v.kind)).toContain(kind);
  });

  it('reports a pair that is neither a candidate nor a fixed meeting', () => {
    const noPairs = { ...input, pairs: [] };
    expect(validateSchedule(noPairs, [m('b1', 'v1', 0, 1)]).map((v) => v.kind)).toEqual(['not_a_candidate']);
  });

  it('reports a fixed meeting moved to another slot or table', () => {
    const fixed = { ...input, fixed: [m('b1', 'v1', 0, 1)] };
    expect(validateSchedule(fixed, [m('b1', 'v1', 0, 2)]).map((v) => v.kind)).toEqual(['fixed_meeting_moved']);
    expect(validateSchedule(fixed, [])).toHaveLength(1);
  });
});
