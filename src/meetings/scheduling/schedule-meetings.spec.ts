import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { scheduleMeetings, scheduleMeetingsGreedily } from './schedule-meetings.js';
import type { CandidatePair, Meeting, SchedulingInput } from './schedule-types.js';
import { validateSchedule } from './validate-schedule.js';

const pair = (buyerId: string, vendorId: string, score: number, buyerWishes = false, vendorWishes = false): CandidatePair => ({
  buyerId,
  vendorId,
  score,
  buyerWishes,
  vendorWishes,
});

describe('scheduleMeetings', () => {
  it('seats a mutual wish before a one-sided one, and a one-sided one before a better-scored ranking-only pair', async () => {
    const input: SchedulingInput = {
      slots: 1,
      tables: 5,
      attendees: [
        { id: 'b1', role: 'buyer', available: [0], cap: 1 },
        { id: 'b2', role: 'buyer', available: [0], cap: 1 },
        ...['v1', 'v2', 'v3', 'v4'].map((id) => ({ id, role: 'vendor' as const, available: [0], cap: 1 })),
      ],
      pairs: [
        pair('b1', 'v1', 1),
        pair('b1', 'v2', 0.1, true),
        pair('b1', 'v3', 0.1, true, true),
        pair('b2', 'v4', 1),
        pair('b2', 'v1', 0, false, true),
      ],
      fixed: [],
    };
    const result = await scheduleMeetings(input);
    expect(result.meetings.map((m) => `${m.buyerId}-${m.vendorId}`).sort()).toEqual(['b1-v3', 'b2-v1']);
    expect(result.status).toBe('optimal');
  });

  it('uses no more meetings per slot than tables, numbering tables from 1', async () => {
    const buyers = ['b1', 'b2', 'b3'];
    const input: SchedulingInput = {
      slots: 2,
      tables: 1,
      attendees: [
        ...buyers.map((id) => ({ id, role: 'buyer' as const, available: [0, 1], cap: 2 })),
        { id: 'v1', role: 'vendor', available: [0, 1], cap: 5 },
        { id: 'v2', role: 'vendor', available: [0, 1], cap: 5 },
      ],
      pairs: buyers.flatMap((b) => [pair(b, 'v1', 0.9, true, true), pair(b, 'v2', 0.9, true, true)]),
      fixed: [],
    };
    const result = await scheduleMeetings(input);
    expect(result.meetings).toHaveLength(2);
    expect(result.meetings.map((m) => m.table)).toEqual([1, 1]);
    expect(validateSchedule(input, result.meetings)).toEqual([]);
  });

  it('keeps confirmed meetings at their slot and table when re-scheduling after a cancellation', async () => {
    const input: SchedulingInput = {
      slots: 3,
      tables: 2,
      attendees: [
        { id: 'b1', role: 'buyer', available: [0, 1, 2], cap: 3 },
        { id: 'b2', role: 'buyer', available: [0, 1, 2], cap: 3 },
        { id: 'v1', role: 'vendor', available: [0, 1, 2], cap: 3 },
        { id: 'v2', role: 'vendor', available: [0, 1, 2], cap: 3 },
      ],
      pairs: [pair('b1', 'v1', 0.9, true, true), pair('b1', 'v2', 0.5, true), pair('b2', 'v1', 0.5), pair('b2', 'v2', 0.2)],
      fixed: [],
    };
    const first = await scheduleMeetings(input);
    expect(first.meetings).toHaveLength(4);
    // b2 cancels with v2: the others stay confirmed and must not move.
    const kept = first.meetings.filter((m) => !(m.buyerId === 'b2' && m.vendorId === 'v2'));
    const again = await scheduleMeetings({
      ...input,
      pairs: input.pairs.filter((p) => p.buyerId !== 'b2' || p.vendorId !== 'v2'),
      fixed: kept,
    });
    expect(again.meetings).toEqual(expect.arrayContaining(kept));
    expect(again.meetings).toHaveLength(3);
  });

  it('gives a fixed meeting whose pair is no longer a candidate its place all the same', async () => {
    const input: SchedulingInput = {
      slots: 1,
      tables: 1,
      attendees: [
        { id: 'b1', role: 'buyer', available: [0], cap: 1 },
        { id: 'v1', role: 'vendor', available: [0], cap: 1 },
        { id: 'v2', role: 'vendor', available: [0], cap: 1 },
      ],
      pairs: [pair('b1', 'v2', 1, true, true)],
      fixed: [{ buyerId: 'b1', vendorId: 'v1', slot: 0, table: 1 }],
    };
    expect((await scheduleMeetings(input)).meetings).toEqual([{ buyerId: 'b1', vendorId: 'v1', slot: 0, table: 1 }]);
  });
});

/** Random days: a few buyers and vendors, random availability, caps, candidate pairs and wishes. */
const instances = fc
  .record({
    slots: fc.integer({ min: 1, max: 5 }),
    tables: fc.integer({ min: 1, max: 4 }),
    buyers: fc.integer({ min: 1, max: 7 }),
    vendors: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ slots, tables, buyers, vendors }) => {
    const availability = fc.uniqueArray(fc.integer({ min: 0, max: slots - 1 }), { maxLength: slots });
    const attendee = (role: 'buyer' | 'vendor', i: number) =>
      fc.record({
        id: fc.constant(`${role[0]}${i}`),
        role: fc.constant(role),
        available: availability,
        cap: fc.integer({ min: 0, max: slots }),
      });
    const pairs = fc.uniqueArray(
      fc.record({
        buyerId: fc.integer({ min: 0, max: buyers - 1 }).map((i) => `b${i}`),
        vendorId: fc.integer({ min: 0, max: vendors - 1 }).map((i) => `v${i}`),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        buyerWishes: fc.boolean(),
        vendorWishes: fc.boolean(),
      }),
      { selector: (p) => `${p.buyerId}|${p.vendorId}`, maxLength: buyers * vendors },
    );
    return fc.record({
      slots: fc.constant(slots),
      tables: fc.constant(tables),
      attendees: fc.tuple(
        ...Array.from({ length: buyers }, (_, i) => attendee('buyer', i)),
        ...Array.from({ length: vendors }, (_, i) => attendee('vendor', i)),
      ),
      pairs,
      fixed: fc.constant([] as Meeting[]),
      // Which of the first schedule's meetings stay confirmed when re-scheduling.
      keep: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    });
  });

describe('scheduleMeetings on random days', () => {
  it('never double-books an attendee or a table, and respects availability, caps and the bound', async () => {
    await fc.assert(
      fc.asyncProperty(instances, async ({ keep: _keep, ...input }) => {
        for (const result of [
          await scheduleMeetings(input),
          await scheduleMeetings(input, { strategy: 'full' }),
          scheduleMeetingsGreedily(input),
        ]) {
          expect(validateSchedule(input, result.meetings)).toEqual([]);
          if (result.status !== 'heuristic') expect(result.objective).toBeLessThanOrEqual(result.bound + 1e-6);
        }
      }),
      { numRuns: 60, seed: 19 },
    );
  });

  it('keeps every confirmed meeting where it was when re-scheduling', async () => {
    await fc.assert(
      fc.asyncProperty(instances, async ({ keep, ...input }) => {
        const first = await scheduleMeetings(input);
        const fixed = first.meetings.filter((_, i) => keep[i % keep.length]);
        const again = await scheduleMeetings({ ...input, fixed });
        expect(validateSchedule({ ...input, fixed }, again.meetings)).toEqual([]);
        // Decomposed and whole-day solves agree when both prove optimality.
        const full = await scheduleMeetings({ ...input, fixed }, { strategy: 'full' });
        if (again.status === 'optimal' && full.status === 'optimal') expect(again.objective).toBeCloseTo(full.objective, 1);
      }),
      { numRuns: 60, seed: 20 },
    );
  });
});
