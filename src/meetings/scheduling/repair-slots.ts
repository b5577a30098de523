import { pairKey } from './pair-weight.js';
import type { SchedulingModel } from './scheduling-model.js';

/*
 * The decomposition's second stage before HiGHS (decision 028): after the greedy slot assignment,
 * each selected pair left without a slot, heaviest first, is seated by moving the one or two
 * meetings in its way (its attendees' meeting at that slot, or one of the slot's tables) to another
 * slot open to them. One level of moves only: cheap, and on the benchmark's day it seats most of
 * what the greedy left, so HiGHS starts from a much better incumbent, or is not needed at all.
 */
export function repairSlots(model: SchedulingModel, initial: readonly boolean[]): boolean[] {
  const chosen = [...initial];
  const used = new Array<number>(model.rows.length).fill(0);
  chosen.forEach((on, j) => {
    if (on) for (const r of model.columns[j].rows) used[r]++;
  });
  const byPair = new Map<string, number[]>();
  model.columns.forEach((c, j) => {
    const key = pairKey(c.pair.buyerId, c.pair.vendorId);
    const list = byPair.get(key);
    if (list) list.push(j);
    else byPair.set(key, [j]);
  });
  const journal: [number, boolean][] = [];
  const set = (j: number, on: boolean) => {
    chosen[j] = on;
    for (const r of model.columns[j].rows) used[r] += on ? 1 : -1;
    journal.push([j, on]);
  };
  const undoTo = (mark: number) => {
    while (journal.length > mark) {
      const [j, on] = journal.pop()!;
      chosen[j] = !on;
      for (const r of model.columns[j].rows) used[r] += on ? -1 : 1;
    }
  };
  const fits = (j: number) => model.columns[j].rows.every((r) => used[r] < model.rows[r].upper);
  const keyOf = (j: number) => pairKey(model.columns[j].pair.buyerId, model.columns[j].pair.vendorId);
  /** Moves the (unseated) pair of column `k` to another of its slots that fits. */
  const reseat = (k: number) => {
    const other = byPair.get(keyOf(k))!.find((k2) => k2 !== k && fits(k2));
    if (other === undefined) return false;
    set(other, true);
    return true;
  };
  /** Seats column j after unseating `blockers`, which must all find another slot; undone otherwise. */
  const tryWith = (j: number, blockers: number[]) => {
    const mark = journal.length;
    for (const b of blockers) set(b, false);
    if (fits(j)) {
      set(j, true);
      if (blockers.every(reseat)) return true;
    }
    undoTo(mark);
    return false;
  };

  const placedPairs = new Set(chosen.flatMap((on, j) => (on ? [keyOf(j)] : [])));
  const waiting = [...byPair.entries()]
    .filter(([key]) => !placedPairs.has(key))
    .sort((a, b) => model.columns[b[1][0]].weight - model.columns[a[1][0]].weight);
  for (const [, columns] of waiting) {
    const done = columns.some((j) => {
      if (fits(j)) {
        set(j, true);
        return true;
      }
      const full = model.columns[j].rows.filter((r) => used[r] >= model.rows[r].upper);
      const single = full.filter((r) => model.rows[r].upper === 1).map((r) => model.rows[r].columns.find((k) => chosen[k])!);
      const shared = full.filter((r) => model.rows[r].upper > 1);
      if (single.length > 2 || shared.length > 1) return false;
      if (shared.length === 0) return tryWith(j, single);
      // The slot has no free table: one of its meetings moves elsewhere too.
      return model.rows[shared[0]].columns.some((k) => chosen[k] && !single.includes(k) && tryWith(j, [...single, k]));
    });
    if (done) journal.length = 0;
  }
  return chosen;
}
