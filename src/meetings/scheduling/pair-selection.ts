import { pairKey } from './pair-weight.js';
import type { CandidatePair } from './schedule-types.js';
import { packingRows, type PackingColumn, type PackingModel, type SchedulingModel } from './scheduling-model.js';

/*
 * The decomposition's first stage (decision 028): which pairs meet, ignoring when. Each attendee
 * meets at most their remaining cap and at most as many counterparts as slots they can still use;
 * the day holds at most its free seats. Every schedule satisfies these rows, so this model is a
 * relaxation of the whole problem and its bound bounds the day's schedule too.
 */

export interface SelectionColumn extends PackingColumn {
  pair: CandidatePair;
}

export function buildPairSelection(day: SchedulingModel): PackingModel<SelectionColumn> {
  const byPair = new Map<string, SelectionColumn>();
  const slotsOf = new Map<string, Set<number>>();
  for (const c of day.columns) {
    const key = pairKey(c.pair.buyerId, c.pair.vendorId);
    if (!byPair.has(key)) byPair.set(key, { pair: c.pair, weight: c.weight, rows: [] });
    for (const id of [c.pair.buyerId, c.pair.vendorId]) {
      const slots = slotsOf.get(id) ?? new Set<number>();
      slots.add(c.slot);
      slotsOf.set(id, slots);
    }
  }
  const columns = [...byPair.values()];
  const seats = day.seatsLeft.reduce((sum, n) => sum + n, 0);
  const rows = packingRows(columns, (group) => {
    group(
      (c) => [c.pair.buyerId, c.pair.vendorId],
      (id) => Math.min(day.roomLeft.get(id) ?? 0, slotsOf.get(id)?.size ?? 0),
    );
    group(
      () => ['day'],
      () => seats,
    );
  });
  return { columns, rows };
}
