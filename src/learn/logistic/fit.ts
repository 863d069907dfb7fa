/**
 * Fits scikit-learn's `LogisticRegression(penalty="l2", C, solver="lbfgs", class_weight)` optimum:
 * L-BFGS on TensorFlow.js's float32 loss (warm-started on a row sample when X is large), then float64
 * Newton steps with a sampled Hessian to ‖∇F‖∞ ≤ tol (docs/logistic.md: why each phase, what it costs).
 * No randomness and fixed float64 shares: a fit is identical for identical input and backend, any thread count.
 */
import { z } from 'zod';
import { defaultThreads } from '../../parallel/pool.ts';
import { selectBackend } from '../../runtime/backend.ts';
import { designDataCopy, inSharedMemory, SHARED_CELLS } from '../matrix.ts';
import type { Matrix } from '../matrix.ts';
import { historyFromHessian, minimizeLbfgs } from '../optim/lbfgs.ts';
import type { LbfgsResult, Objective } from '../optim/lbfgs.ts';
import { minimizeNewton } from '../optim/newton.ts';
import type { NewtonResult } from '../optim/newton.ts';
import { ClassWeight, classWeightsPerRow } from './class-weights.ts';
import { LogisticSpec } from './logistic-spec.ts';
import { penalizedLogLoss, penalizedLogLossHessian } from './penalized-log-loss.ts';
import type { LogisticProblem } from './penalized-log-loss.ts';
import { sampleRows } from './row-sample.ts';
import { tfjsLogLoss } from './tfjs-log-loss.ts';
import type { TfjsObjectiveOptions } from './tfjs-log-loss.ts';

export const LogisticOptions = z.object({
  /** Inverse penalty strength, sklearn's `C`. */
  C: z.number().positive().default(1),
  classWeight: ClassWeight.nullable().default(null),
  /** ‖∇F‖∞ tolerance on sklearn's scale (sklearn's `tol`, default 1e-4). */
  tol: z.number().positive().default(1e-4),
  maxIter: z.number().int().positive().default(1000),
  /**
   * Threads for the float64 passes and the float32 conversion, the calling one included (default
   * `defaultThreads()`), when X is shared with ≥ `SHARED_CELLS` cells. Bit-identical with any number.
   */
  threads: z.number().int().positive().nullish(),
});
export type LogisticOptions = z.input<typeof LogisticOptions>;

/** Relative rounding of the float32 loss summed over chunks (docs/logistic.md). */
const FLOAT32_RESOLUTION = 3e-6;
/** Rows the Hessian is estimated from (all rows when there are fewer). */
const HESSIAN_SAMPLE_ROWS = 65_536;
/** Rows of the Hessian at β = 0 that starts the warm start's L-BFGS. */
const START_HESSIAN_ROWS = 8_192;
/**
 * Newton keeps its Hessian while a step shrinks ‖∇F‖∞ at least this much: a sampled Hessian is cheap
 * to renew, the exact float64 one costs (p+2)/4 passes (docs/logistic.md).
 */
const NEWTON_REUSE_CHEAP = 0.1;
const NEWTON_REUSE_COSTLY = 0.5;
/** Newton from a near-optimum converges quadratically; more steps than this means a bug or NaNs. */
const NEWTON_MAX_ITER = 50;

/**
 * Fits the rows of `x` to their 0/1 `labels`. Throws naming the row (and column) for a label other
 * than 0 or 1, a single class, or a non-finite value in x (impute first).
 */
export async function fitLogistic(
  x: Matrix,
  labels: ArrayLike<number>,
  featureNames: readonly string[],
  options: LogisticOptions = {},
  tfjs: TfjsObjectiveOptions = {},
): Promise<LogisticSpec> {
  const o = LogisticOptions.parse(options);
  const requested = o.threads ?? defaultThreads();
  // Smaller matrices, or ones the pool's threads cannot read in place, are fitted on this thread.
  const shared = inSharedMemory(x.data) && x.rows * x.cols >= SHARED_CELLS && requested > 1;
  const threads = shared ? requested : 1;
  const y = checkedLabels(labels, x.rows, shared);
  if (featureNames.length !== x.cols) throw new Error(`fitLogistic: ${featureNames.length} feature names for ${x.cols} columns`);
  const backend = await selectBackend();
  const w = o.classWeight === null ? null : designDataCopy(classWeightsPerRow(y, o.classWeight), shared);
  const problem: LogisticProblem = { x, y, w, C: o.C };
  const sample = sampleRows(x.rows, HESSIAN_SAMPLE_ROWS);
  return fitWith(problem, featureNames, o, backend, shared ? sharedRows(sample) : sample, tfjs, threads);
}

function fitWith(
  problem: LogisticProblem,
  featureNames: readonly string[],
  o: z.output<typeof LogisticOptions>,
  backend: string,
  sample: Int32Array,
  tfjs: TfjsObjectiveOptions,
  threads: number,
): LogisticSpec {
  const { x, w } = problem;
  const theta0 = new Float64Array(x.cols + 1);
  const mass = weightedColumnMass(x, w, sample);
  // A NaN or ±∞ makes a sum over its row non-finite: the sampled rows are checked through `mass`,
  // the others through the first loss over all rows, so no pass of its own is needed.
  if (!Number.isFinite(mass)) checkFinite(x);
  // Below this the float32 gradient is rounding: each of its sums Σᵢ wᵢ·rᵢ·xᵢⱼ (|rᵢ| ≤ 1) can be
  // off by about 2⁻²⁴·Σᵢ wᵢ·|xᵢⱼ|, so phase 1 stops there and float64 takes over.
  const float32Floor = 2 ** -24 * mass;
  let warmStart = null;
  let start: Float64Array = theta0;
  let phase1: { result: LbfgsResult; resident: boolean };
  let final: NewtonResult;
  if (sample.length < x.rows) {
    // A Hessian here only sets the scale of each direction: a few thousand rows do.
    const h0 = penalizedLogLossHessian(problem, theta0, sampleRows(x.rows, START_HESSIAN_ROWS));
    // The sample's gradient estimates the full one only to about mass/√m; a hundredth of that is
    // as close as its optimum is worth fitting before the full data take over.
    const gtol = Math.max(o.tol, (0.01 * mass) / Math.sqrt(sample.length), float32Floor);
    const sampleLoss = tfjsLogLoss(problem, tfjs, sample, threads);
    try {
      const warm = minimizeLbfgs(sampleLoss.objective, theta0, { gtol, ftol: 0, fResolution: FLOAT32_RESOLUTION, maxIter: o.maxIter }, historyFromHessian(h0, theta0.length));
      warmStart = { rows: sample.length, iterations: warm.iterations, evaluations: warm.evaluations };
      start = warm.x;
    } finally {
      sampleLoss.dispose();
    }
  }
  // Without a warm start all rows are the Hessian's sample: when they stay on the backend, tfjs
  // gives the exact Hessian for a few gradients' cost, and Newton takes a fresh one every step.
  const fast = tfjsLogLoss(problem, { ...tfjs, withHessian: sample.length === x.rows }, null, threads);
  try {
    const h = fast.hessian ?? ((theta: Float64Array) => penalizedLogLossHessian(problem, theta, sample, threads));
    const h1 = h(start);
    let unchecked = sample.length < x.rows;
    const objective: Objective = (theta, grad) => {
      const f = fast.objective(theta, grad);
      if (unchecked) {
        unchecked = false;
        if (!Number.isFinite(f) || !grad.every(Number.isFinite)) checkFinite(x);
      }
      return f;
    };
    const result = minimizeLbfgs(objective, start, { gtol: Math.max(o.tol, float32Floor), ftol: 0, fResolution: FLOAT32_RESOLUTION, maxIter: o.maxIter }, historyFromHessian(h1, start.length));
    phase1 = { result, resident: fast.resident };
    const exact = (theta: Float64Array, grad: Float64Array): number => penalizedLogLoss(problem, theta, grad, threads);
    // In JS a Hessian costs m·(p+1)²/2 multiply-adds against 2·rows·(p+1) for a pass.
    const costly = fast.hessian === null && (sample.length * (x.cols + 1)) / (4 * x.rows) > 2;
    const reuseBelow = costly ? NEWTON_REUSE_COSTLY : NEWTON_REUSE_CHEAP;
    // Newton starts from phase 1's starting Hessian: the points are within the sample's error of
    // each other, where the Hessian changes far less than its sampling error.
    final = minimizeNewton(exact, h, result.x, { gtol: o.tol, maxIter: NEWTON_MAX_ITER, reuseBelow, initialHessian: sample.length < x.rows ? h1 : undefined });
  } finally {
    fast.dispose();
  }
  const p = x.cols;
  return LogisticSpec.parse({
    kind: 'logistic',
    featureNames: [...featureNames],
    coefficients: Array.from(final.x.subarray(0, p)),
    intercept: final.x[p],
    fit: {
      C: o.C,
      classWeight: o.classWeight,
      tol: o.tol,
      rows: x.rows,
      backend,
      objective: final.f,
      gradNorm: final.gradNorm,
      converged: final.stop === 'gtol',
      warmStart,
      lbfgs: { iterations: phase1.result.iterations, evaluations: phase1.result.evaluations, stop: phase1.result.stop, resident: phase1.resident },
      newton: { iterations: final.iterations, evaluations: final.evaluations, stop: final.stop },
    },
  });
}

function checkedLabels(labels: ArrayLike<number>, rows: number, shared: boolean): Float64Array {
  if (labels.length !== rows) throw new Error(`fitLogistic: ${labels.length} labels for ${rows} rows`);
  // The fit only reads the labels: a float64 array where the workers can read it is used as it is.
  const usable = labels instanceof Float64Array && (!shared || labels.buffer instanceof SharedArrayBuffer);
  const y = usable ? labels : designDataCopy(labels, shared);
  let churned = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`fitLogistic: label of row ${i} is ${y[i]}, expected 0 or 1`);
    churned += y[i];
  }
  if (churned === 0 || churned === rows) throw new Error(`fitLogistic: training labels hold one class only (${churned} churned of ${rows})`);
  return y;
}

/** The sampled rows in shared memory, for the pool's threads to read. */
function sharedRows(rows: Int32Array): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(rows.length * 4));
  out.set(rows);
  return out;
}

/** Throws naming the first non-finite cell (impute before a linear model); called only once a sum came out non-finite. */
function checkFinite(x: Matrix): void {
  const bad = x.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new Error(`fitLogistic: value at row ${Math.floor(bad / x.cols)}, column ${bad % x.cols} is ${x.data[bad]}; impute before fitting`);
}

/** max_j Σᵢ wᵢ·|xᵢⱼ| (intercept included) from the sampled rows: the float32 floor needs only its size. */
function weightedColumnMass(x: Matrix, w: Float64Array | null, rows: Int32Array): number {
  const p = x.cols;
  const X = x.data;
  const mass = new Float64Array(p + 1);
  for (const i of rows) {
    const wi = w === null ? 1 : w[i];
    for (let j = 0; j < p; j++) mass[j] += wi * Math.abs(X[i * p + j]);
    mass[p] += wi;
  }
  return (Math.max(...mass) * x.rows) / rows.length;
}
