/**
 * Fits L2-penalised logistic regression to scikit-learn's optimum
 * (`LogisticRegression(penalty="l2", C, solver="lbfgs", class_weight)`), full batch, in two
 * precisions:
 *
 * 1. L-BFGS on the loss and gradient from TensorFlow.js (`tfjsLogLoss`), float32, which does the
 *    heavy matrix products on the selected backend. Float32 resolves the loss only to about 1e-7
 *    relative, so near the optimum its line search sees rounding noise; this phase stops once a
 *    step improves the loss by less than 1e-6 relative (or the gradient tolerance is met).
 * 2. The same L-BFGS continued in float64 (`penalizedLogLoss`, exact), its curvature pairs kept,
 *    for at most 20 iterations until ‖∇F‖∞ ≤ tol. On a well-conditioned design (the synthetic
 *    benchmark) this finishes the job in a few gradient evaluations.
 * 3. If that did not reach tol: Newton steps in float64 (`penalizedLogLossHessian`), the Hessian
 *    computed once and reused while steps at least halve the gradient. One-hot designs (Telco) are
 *    collinear: directions held only by the penalty have curvature 1/C against thousands
 *    elsewhere, and L-BFGS crawls there (scikit-learn's own lbfgs stops on its relative-reduction
 *    rule about 2e-3 from the exact optimum on the Telco training split; we go to the optimum).
 *    A Hessian costs about (p+2)/4 gradient evaluations, hence the L-BFGS attempt first. It is not
 *    computed by tfjs: the transposed product XᵀDX is several times slower on wasm than the JS loop.
 *
 * No randomness: the start is β = 0, b = 0 and every pass is sequential, so a fit is identical
 * for identical inputs on the same backend (there is no seed to give).
 */
import { z } from 'zod';
import { selectBackend } from '../../runtime/backend.ts';
import type { Matrix } from '../matrix.ts';
import { minimizeLbfgs } from '../optim/lbfgs.ts';
import { minimizeNewton } from '../optim/newton.ts';
import { ClassWeight, classWeightsPerRow } from './class-weights.ts';
import { LogisticSpec } from './logistic-spec.ts';
import { penalizedLogLoss, penalizedLogLossHessian } from './penalized-log-loss.ts';
import type { LogisticProblem } from './penalized-log-loss.ts';
import { tfjsLogLoss } from './tfjs-log-loss.ts';
import type { TfjsObjectiveOptions } from './tfjs-log-loss.ts';

export const LogisticOptions = z.object({
  /** Inverse penalty strength, sklearn's `C`. */
  C: z.number().positive().default(1),
  classWeight: ClassWeight.nullable().default(null),
  /** ‖∇F‖∞ tolerance on sklearn's scale (sklearn's `tol`, default 1e-4). */
  tol: z.number().positive().default(1e-4),
  maxIter: z.number().int().positive().default(1000),
});
export type LogisticOptions = z.input<typeof LogisticOptions>;

/** The float32 phase hands over when a step improves the loss by less than this, relatively. */
const FLOAT32_FTOL = 1e-6;
/** Float64 L-BFGS iterations before handing the rest to Newton. */
const FLOAT64_LBFGS_MAX_ITER = 20;
/** Newton from a near-optimum converges quadratically; more steps than this means a bug or NaNs. */
const NEWTON_MAX_ITER = 50;

export async function fitLogistic(
  x: Matrix,
  labels: ArrayLike<number>,
  featureNames: readonly string[],
  options: LogisticOptions = {},
  tfjs: TfjsObjectiveOptions = {},
): Promise<LogisticSpec> {
  const o = LogisticOptions.parse(options);
  const y = checkedLabels(labels, x.rows);
  checkFinite(x);
  if (featureNames.length !== x.cols) throw new Error(`fitLogistic: ${featureNames.length} feature names for ${x.cols} columns`);
  const backend = await selectBackend();
  const problem: LogisticProblem = { x, y, w: o.classWeight === null ? null : classWeightsPerRow(y, o.classWeight), C: o.C };
  const theta0 = new Float64Array(x.cols + 1);
  const fast = tfjsLogLoss(problem, tfjs);
  let phase1;
  try {
    phase1 = minimizeLbfgs(fast.objective, theta0, { gtol: o.tol, ftol: FLOAT32_FTOL, maxIter: o.maxIter });
  } finally {
    fast.dispose();
  }
  const exact = (theta: Float64Array, grad: Float64Array): number => penalizedLogLoss(problem, theta, grad);
  const phase2 = minimizeLbfgs(exact, phase1.x, { gtol: o.tol, ftol: 0, maxIter: FLOAT64_LBFGS_MAX_ITER }, phase1.history);
  const phase3 =
    phase2.stop === 'gtol'
      ? null
      : minimizeNewton(exact, (theta) => penalizedLogLossHessian(problem, theta), phase2.x, { gtol: o.tol, maxIter: NEWTON_MAX_ITER });
  const final = phase3 ?? phase2;
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
      lbfgs: { iterations: phase1.iterations, evaluations: phase1.evaluations, stop: phase1.stop, resident: fast.resident },
      lbfgs64: { iterations: phase2.iterations, evaluations: phase2.evaluations, stop: phase2.stop },
      newton: phase3 === null ? null : { iterations: phase3.iterations, evaluations: phase3.evaluations, stop: phase3.stop },
    },
  });
}

function checkedLabels(labels: ArrayLike<number>, rows: number): Float64Array {
  if (labels.length !== rows) throw new Error(`fitLogistic: ${labels.length} labels for ${rows} rows`);
  const y = Float64Array.from(labels);
  let churned = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`fitLogistic: label of row ${i} is ${y[i]}, expected 0 or 1`);
    churned += y[i];
  }
  if (churned === 0 || churned === rows) throw new Error(`fitLogistic: training labels hold one class only (${churned} churned of ${rows})`);
  return y;
}

/** Missing values must have been imputed by the preprocessing before a linear model sees them. */
function checkFinite(x: Matrix): void {
  for (let k = 0; k < x.data.length; k++) {
    if (!Number.isFinite(x.data[k])) {
      throw new Error(`fitLogistic: value at row ${Math.floor(k / x.cols)}, column ${k % x.cols} is ${x.data[k]}; impute before fitting`);
    }
  }
}
