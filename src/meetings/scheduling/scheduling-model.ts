import { pairKey, pairWeight } from './pair-weight.js';
import type { CandidatePair, SchedulingInput } from './schedule-types.js';

/*
 * The scheduling problem as a 0/1 packing model: one column x[pair, slot] per pair and slot both
 * attendees can make, every row "at most `upper` of these columns". Fixed meetings are taken out
 * beforehand (their pair, their attendees' slots, a table of their slot and a unit of each cap),
 * so re-scheduling cannot move them. Shared by the HiGHS solver and the greedy heuristic.
 */

/** A 0/1 packing model: maximise the chosen columns' weight, each row holding at most `upper` of them. */
export interface PackingModel<C extends PackingColumn = PackingColumn> {
  columns: C[];
  rows: ModelRow[];
}

export interface PackingColumn {
  weight: number;
  /** Rows this column counts in. */
  rows: number[];
}

export interface ModelColumn extends PackingColumn {
  pair: CandidatePair;
  slot: number;
}

export interface ModelRow {
  upper: number;
  columns: number[];
}

export interface SchedulingModel extends PackingModel<ModelColumn> {
  /** Free seats per slot and free meetings per attendee once the fixed meetings are seated. */
  seatsLeft: number[];
  roomLeft: Map<string, number>;
  /** Weight of the fixed meetings, part of every schedule's objective. */
  fixedWeight: number;
}

/** One entry per (buyer, vendor): duplicates merge, keeping the best score and every wish. */
export function mergePairs(pairs: readonly CandidatePair[]): CandidatePair[] {
  const merged = new Map<string, CandidatePair>();
  for (const p of pairs) {
    const key = pairKey(p.buyerId, p.vendorId);
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            ...seen,
            score: Math.max(seen.score, p.score),
            buyerWishes: seen.buyerWishes || p.buyerWishes,
            vendorWishes: seen.vendorWishes || p.vendorWishes,
          }
        : { ...p },
    );
  }
  return [...merged.values()];
}

/** The model of the whole day, or of the pairs `keep` lets through (the decomposition's second stage). */
export function buildSchedulingModel(input: SchedulingInput, keep?: ReadonlySet<string>): SchedulingModel {
  const attendees = new Map(input.attendees.map((a) => [a.id, a]));
  const pairs = mergePairs(input.pairs);
  const byKey = new Map(pairs.map((p) => [pairKey(p.buyerId, p.vendorId), p]));
  const busy = new Set<string>();
  const load = new Map<string, number>();
  const seated = new Array<number>(input.slots).fill(0);
  const fixedPairs = new Set<string>();
  let fixedWeight = 0;
  for (const m of input.fixed) {
    const key = pairKey(m.buyerId, m.vendorId);
    fixedPairs.add(key);
    fixedWeight += pairWeight(byKey.get(key) ?? { score: 0, buyerWishes: false, vendorWishes: false });
    for (const id of [m.buyerId, m.vendorId]) {
      busy.add(`${id}@${m.slot}`);
      load.set(id, (load.get(id) ?? 0) + 1);
    }
    seated[m.slot] = (seated[m.slot] ?? 0) + 1;
  }
  const room = (id: string) => (attendees.get(id)?.cap ?? 0) - (load.get(id) ?? 0);

  const columns: ModelColumn[] = [];
  for (const pair of pairs) {
    const buyer = attendees.get(pair.buyerId);
    const vendor = attendees.get(pair.vendorId);
    if (buyer?.role !== 'buyer' || vendor?.role !== 'vendor') continue;
    const key = pairKey(pair.buyerId, pair.vendorId);
    if (fixedPairs.has(key) || (keep && !keep.has(key)) || room(buyer.id) <= 0 || room(vendor.id) <= 0) continue;
    const vendorSlots = new Set(vendor.available);
    const weight = pairWeight(pair);
    for (const slot of new Set(buyer.available)) {
      if (!vendorSlots.has(slot) || slot < 0 || slot >= input.slots || seated[slot] >= input.tables) continue;
      if (busy.has(`${buyer.id}@${slot}`) || busy.has(`${vendor.id}@${slot}`)) continue;
      columns.push({ pair, slot, weight, rows: [] });
    }
  }

  const rows = packingRows(columns, (group) => {
    group(
      (c) => [pairKey(c.pair.buyerId, c.pair.vendorId)],
      () => 1,
    );
    group(
      (c) => [`${c.pair.buyerId}@${c.slot}`, `${c.pair.vendorId}@${c.slot}`],
      () => 1,
    );
    group(
      (c) => [c.pair.buyerId, c.pair.vendorId],
      (id) => room(id),
    );
    group(
      (c) => [String(c.slot)],
      (slot) => input.tables - seated[Number(slot)],
    );
  });
  const seatsLeft = seated.map((n) => input.tables - n);
  const roomLeft = new Map(input.attendees.map((a) => [a.id, room(a.id)]));
  return { columns, rows, fixedWeight, seatsLeft, roomLeft };
}

type Grouping<C> = (keyOf: (c: C) => string[], upperOf: (key: string) => number) => void;

/** Builds the rows of a packing model from groupings of its columns, filling each column's `rows`. */
export function packingRows<C extends PackingColumn>(columns: C[], define: (group: Grouping<C>) => void): ModelRow[] {
  const rows: ModelRow[] = [];
  const group: Grouping<C> = (keyOf, upperOf) => {
    const groups = new Map<string, number[]>();
    columns.forEach((c, j) => {
      for (const key of keyOf(c)) {
        const members = groups.get(key);
        if (members) members.push(j);
        else groups.set(key, [j]);
      }
    });
    for (const [key, members] of groups) {
      const upper = upperOf(key);
      // A row that its columns cannot overfill constrains nothing: leave it out of the model.
      if (members.length <= upper) continue;
      const r = rows.length;
      rows.push({ upper, columns: members });
      for (const j of members) columns[j].rows.push(r);
    }
  };
  define(group);
  return rows;
}
