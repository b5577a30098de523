import type { PackingModel } from './scheduling-model.js';

/*
 * Heaviest column first, kept when every row it counts in has room. Feasible by construction; it
 * seeds HiGHS with an incumbent, fills the seats the decomposition left empty, and is the
 * benchmark's baseline. `initial` columns are taken first, as they are.
 */
export function greedySelection(model: PackingModel, initial: readonly boolean[] = [], tieBreak: readonly number[] = []): boolean[] {
  const used = new Array<number>(model.rows.length).fill(0);
  const chosen = model.columns.map((_, j) => initial[j] === true);
  chosen.forEach((on, j) => {
    if (on) for (const r of model.columns[j].rows) used[r]++;
  });
  const order = model.columns
    .map((_, j) => j)
    .sort((a, b) => model.columns[b].weight - model.columns[a].weight || (tieBreak[a] ?? 0) - (tieBreak[b] ?? 0) || a - b);
  for (const j of order) {
    const rows = model.columns[j].rows;
    if (!chosen[j] && rows.every((r) => used[r] < model.rows[r].upper)) {
      for (const r of rows) used[r]++;
      chosen[j] = true;
    }
  }
  return chosen;
}
