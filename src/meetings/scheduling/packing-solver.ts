import * as highsModule from 'highs';
import type { PackingModel } from './scheduling-model.js';

/*
 * A 0/1 packing model solved as a MIP by HiGHS (WebAssembly, in-process), seeded with an
 * incumbent. HiGHS stops at the time limit or the relative gap and reports its proven bound.
 */

// `highs` types its ES module build as CommonJS: TypeScript sees the loader one `default` deeper than Node does.
const loadHighs = highsModule.default as unknown as typeof highsModule.default.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

/** One WebAssembly instance per process: loading it costs more than a small solve. */
function solver(): Promise<Highs> {
  highs ??= loadHighs();
  return highs;
}

export interface PackingSolution {
  chosen: boolean[];
  /** Proven upper bound on the model's objective. */
  bound: number;
  /** Proved optimal, or reached the target known to be optimal. */
  optimal: boolean;
}

export interface PackingOptions {
  timeLimitSeconds: number;
  relativeGap: number;
  /** An objective known to be the best possible: HiGHS stops as soon as it reaches it. */
  target?: number;
  presolve?: boolean;
}

/** Loads HiGHS and solves a one-column model: what a process's first solve pays once (the benchmark's warm-up). */
export async function warmUpSolver(): Promise<void> {
  await solvePacking({ columns: [{ weight: 1, rows: [] }], rows: [] }, [false], { timeLimitSeconds: 1, relativeGap: 0 });
}

/**
 * The LP relaxation's optimum, an upper bound on the packing's: when a feasible selection reaches
 * it, that selection is optimal with no branch and bound. Null when HiGHS does not finish in time.
 */
export async function packingLpBound(model: PackingModel, timeLimitSeconds: number): Promise<number | null> {
  if (model.columns.length === 0) return 0;
  const h = await solver();
  return h.withModel({ ...modelData(h, model), integrality: undefined }, (m) => {
    m.options.set({ output_flag: false, time_limit: Math.max(0.1, timeLimitSeconds) });
    m.run();
    return m.getModelStatus() === h.constants.modelStatus.optimal ? Number(m.info.get('objective_function_value')) : null;
  });
}

export async function solvePacking(model: PackingModel, seed: readonly boolean[], options: PackingOptions): Promise<PackingSolution> {
  if (model.columns.length === 0) return { chosen: [], bound: 0, optimal: true };
  const h = await solver();
  const data = modelData(h, model);
  return h.withModel(data, (m) => {
    m.options.set({
      output_flag: false,
      time_limit: Math.max(0.1, options.timeLimitSeconds),
      mip_rel_gap: options.relativeGap,
      presolve: options.presolve === false ? 'off' : 'choose',
      ...(options.target === undefined ? {} : { objective_target: options.target - 1e-6 }),
    });
    m.setSolution({ colValue: Float64Array.from(seed, (x) => (x ? 1 : 0)) });
    m.run();
    const status = m.getModelStatus();
    const { optimal, timeLimit, objectiveTarget } = h.constants.modelStatus;
    if (status !== optimal && status !== timeLimit && status !== objectiveTarget)
      throw new Error(`HiGHS ended with model status ${status}`);
    const chosen = Array.from(m.getSolution().colValue, (x) => x > 0.5);
    const seedWeight = weightOf(model, seed);
    // Stopped before its root LP, HiGHS has no bound: fall back to the trivial one, every column.
    const dualBound = Number(m.info.get('mip_dual_bound'));
    const bound = Number.isFinite(dualBound) ? dualBound : model.columns.reduce((sum, c) => sum + c.weight, 0);
    // Keep the seed when the solver returns worse (it may stop before accepting it).
    return { chosen: weightOf(model, chosen) >= seedWeight ? chosen : [...seed], bound, optimal: status !== timeLimit };
  });
}

function modelData(h: Highs, model: PackingModel) {
  const n = model.columns.length;
  return {
    numCols: n,
    numRows: model.rows.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: Float64Array.from(model.columns, (c) => c.weight),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(model.rows.length).fill(-h.infinity),
    rowUpper: Float64Array.from(model.rows, (r) => r.upper),
    matrix: csr(model),
    integrality: new Int32Array(n).fill(h.constants.variableType.integer) as Int32Array | undefined,
  };
}

export function weightOf(model: PackingModel, chosen: readonly boolean[]): number {
  return chosen.reduce((sum, on, j) => (on ? sum + model.columns[j].weight : sum), 0);
}

function csr(model: PackingModel) {
  const starts = new Int32Array(model.rows.length + 1);
  let nonzeros = 0;
  model.rows.forEach((r, i) => {
    starts[i] = nonzeros;
    nonzeros += r.columns.length;
  });
  starts[model.rows.length] = nonzeros;
  const indices = new Int32Array(nonzeros);
  let k = 0;
  for (const r of model.rows) for (const j of r.columns) indices[k++] = j;
  return {
    format: 'csr' as const,
    numRows: model.rows.length,
    numCols: model.columns.length,
    starts,
    indices,
    values: new Float64Array(nonzeros).fill(1),
  };
}
