import { describe, expect, it } from '@jest/globals';
import { greedySelection } from './greedy-schedule.js';
import { weightOf } from './packing-solver.js';
import { repairSlots } from './repair-slots.js';
import type { SchedulingInput } from './schedule-types.js';
import { buildSchedulingModel } from './scheduling-model.js';

const feasible = (model: ReturnType<typeof buildSchedulingModel>, chosen: boolean[]) =>
  model.rows.every((r) => r.columns.filter((j) => chosen[j]).length <= r.upper);

describe('repairSlots', () => {
  it('seats a pair the greedy left out by moving the meeting in its way to another slot', () => {
    // b1 meets v1 and v2; v2 can only come at slot 0. Greedy seats the heavier b1–v1 at slot 0 first,
    // which leaves no slot for b1–v2; the repair moves b1–v1 to slot 1.
    const input: SchedulingInput = {
      slots: 2,
      tables: 2,
      attendees: [
        { id: 'b1', role: 'buyer', available: [0, 1], cap: 2 },
        { id: 'v1', role: 'vendor', available: [0, 1], cap: 2 },
        { id: 'v2', role: 'vendor', available: [0], cap: 2 },
      ],
      pairs: [
        { buyerId: 'b1', vendorId: 'v1', score: 1, buyerWishes: true, vendorWishes: true },
        { buyerId: 'b1', vendorId: 'v2', score: 0.5, buyerWishes: false, vendorWishes: false },
      ],
      fixed: [],
    };
    const model = buildSchedulingModel(input);
    const greedy = greedySelection(model);
    expect(greedy.filter(Boolean)).toHaveLength(1);
    const repaired = repairSlots(model, greedy);
    expect(repaired.filter(Boolean)).toHaveLength(2);
    expect(feasible(model, repaired)).toBe(true);
    expect(weightOf(model, repaired)).toBeGreaterThan(weightOf(model, greedy));
  });

  it('moves a meeting off a slot whose tables are all taken', () => {
    const input: SchedulingInput = {
      slots: 2,
      tables: 1,
      attendees: [
        { id: 'b1', role: 'buyer', available: [0, 1], cap: 1 },
        { id: 'b2', role: 'buyer', available: [0], cap: 1 },
        { id: 'v1', role: 'vendor', available: [0, 1], cap: 1 },
        { id: 'v2', role: 'vendor', available: [0], cap: 1 },
      ],
      pairs: [
        { buyerId: 'b1', vendorId: 'v1', score: 1, buyerWishes: true, vendorWishes: true },
        { buyerId: 'b2', vendorId: 'v2', score: 0.2, buyerWishes: false, vendorWishes: false },
      ],
      fixed: [],
    };
    const model = buildSchedulingModel(input);
    const greedy = greedySelection(model);
    const repaired = repairSlots(model, greedy);
    expect(repaired.filter(Boolean)).toHaveLength(2);
    expect(feasible(model, repaired)).toBe(true);
  });
});
