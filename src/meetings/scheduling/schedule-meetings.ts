import { assignTables } from './assign-tables.js';
import { greedySelection } from './greedy-schedule.js';
import { packingLpBound, solvePacking, weightOf } from './packing-solver.js';
import { buildPairSelection } from './pair-selection.js';
import { pairKey } from './pair-weight.js';
import { repairSlots } from './repair-slots.js';
import type { Meeting, ScheduleResult, SchedulingInput } from './schedule-types.js';
import { buildSchedulingModel, type SchedulingModel } from './scheduling-model.js';

/*
 * The meeting scheduler (decision 028). The whole day as one MIP (x[pair, slot]) is too large for
 * HiGHS in WebAssembly within the few seconds a curator waits (300 attendees: 38,000 columns, whose
 * LP relaxation alone takes 2.5 s), so by default it is solved in two stages:
 * 1. pair selection: which pairs meet, under caps and the day's seats — small, solved to optimality,
 *    and a relaxation of the whole problem, so its bound is the schedule's bound;
 * 2. slot assignment of the selected pairs (no double booking, availability, tables per slot);
 * then the greedy fills any seat stage 2 could not use with the pairs left out.
 * `strategy: 'full'` solves the single MIP instead, for comparison.
 */

export interface ScheduleOptions {
  /** Seconds HiGHS may spend over both stages; the best schedule so far is returned at the limit. */
  timeLimitSeconds?: number;
  /** Relative gap at which HiGHS stops early. */
  relativeGap?: number;
  strategy?: 'decomposed' | 'full';
}

export async function scheduleMeetings(input: SchedulingInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const timeLimit = options.timeLimitSeconds ?? 5;
  const gap = options.relativeGap ?? 1e-4;
  // The limit is the curator's wait: building the models counts against it.
  const started = Date.now();
  const day = buildSchedulingModel(input);
  if (options.strategy === 'full') {
    const solved = await solvePacking(day, greedySelection(day), { timeLimitSeconds: timeLimit, relativeGap: gap });
    return toResult(input, day, solved.chosen, solved.optimal ? 'optimal' : 'time_limit', solved.bound);
  }
  const selectionModel = buildPairSelection(day);
  // Pair selection is a b-matching plus one row for the day's seats: its LP relaxation is nearly
  // integral, and the greedy often reaches the LP's optimum, which proves it with no branching.
  const greedyPairs = greedySelection(selectionModel);
  const lpBound = await packingLpBound(selectionModel, timeLimit / 3);
  const selection =
    lpBound !== null && weightOf(selectionModel, greedyPairs) >= lpBound - 1e-6
      ? { chosen: greedyPairs, bound: lpBound, optimal: true }
      : await solvePacking(selectionModel, greedyPairs, {
          timeLimitSeconds: timeLimit / 3 - (Date.now() - started) / 1000,
          relativeGap: gap,
        });
  const keep = new Set(selectionModel.columns.filter((_, j) => selection.chosen[j]).map((c) => pairKey(c.pair.buyerId, c.pair.vendorId)));
  const slotsModel = buildSchedulingModel(input, keep);
  const remaining = timeLimit - (Date.now() - started) / 1000;
  // Stage 2 cannot beat stage 1's bound: HiGHS stops once every selected pair has a slot. Its
  // presolve costs more than it saves on this model (measured: 1.8 s → 0.4–1.6 s without it).
  const target = weightOf(selectionModel, selection.chosen);
  const seed = repairSlots(slotsModel, greedySelection(slotsModel, [], fewestSlotsFirst(slotsModel)));
  const slotted =
    weightOf(slotsModel, seed) >= target - 1e-6
      ? { chosen: seed }
      : await solvePacking(slotsModel, seed, { timeLimitSeconds: remaining, relativeGap: gap, target, presolve: false });
  const placed = new Set(
    slotsModel.columns.filter((_, j) => slotted.chosen[j]).map((c) => `${pairKey(c.pair.buyerId, c.pair.vendorId)}@${c.slot}`),
  );
  const chosen = greedySelection(
    day,
    day.columns.map((c) => placed.has(`${pairKey(c.pair.buyerId, c.pair.vendorId)}@${c.slot}`)),
  );
  const allPlaced = weightOf(day, chosen) >= selection.bound - 1e-6;
  return toResult(input, day, chosen, allPlaced ? 'optimal' : 'time_limit', selection.bound);
}

/** Within a weight, seat first the pairs with the fewest slots left open to them (edge colouring's rule). */
function fewestSlotsFirst(model: SchedulingModel): number[] {
  const options = new Map<string, number>();
  for (const c of model.columns)
    options.set(pairKey(c.pair.buyerId, c.pair.vendorId), (options.get(pairKey(c.pair.buyerId, c.pair.vendorId)) ?? 0) + 1);
  return model.columns.map((c) => options.get(pairKey(c.pair.buyerId, c.pair.vendorId)) ?? 0);
}

/** The greedy schedule alone, without HiGHS: the benchmark's baseline. */
export function scheduleMeetingsGreedily(input: SchedulingInput): ScheduleResult {
  const day = buildSchedulingModel(input);
  return toResult(input, day, greedySelection(day), 'heuristic', Number.NaN);
}

function toResult(
  input: SchedulingInput,
  day: SchedulingModel,
  chosen: boolean[],
  status: ScheduleResult['status'],
  freeBound: number,
): ScheduleResult {
  const placed: Omit<Meeting, 'table'>[] = [];
  chosen.forEach((on, j) => {
    if (on) placed.push({ buyerId: day.columns[j].pair.buyerId, vendorId: day.columns[j].pair.vendorId, slot: day.columns[j].slot });
  });
  const meetings = assignTables(input.fixed, placed, input.tables);
  // The models hold only the free seats: the fixed meetings' weight is added to objective and bound.
  const objective = day.fixedWeight + weightOf(day, chosen);
  const bound = day.fixedWeight + freeBound;
  const gap = Number.isFinite(bound) && bound > 0 ? Math.max(0, (bound - objective) / bound) : Number.NaN;
  return { meetings, objective: round(objective), bound: round(bound), gap, status, columns: day.columns.length, rows: day.rows.length };
}

const round = (x: number) => Math.round(x * 100) / 100;
