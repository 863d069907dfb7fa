/**
 * Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., Algorithms 7.4 and
 * 7.5) with a backtracking Armijo line search: the library's one quasi-Newton minimiser, used by
 * the logistic fit and by the BG/NBD and Gamma-Gamma likelihood fits (src/value).
 */
import { z } from 'zod';
import { acceptable, cholesky, F64_RESOLUTION, flat, normInf, solveCholesky } from './newton.ts';

/** Writes ∇f(x) into `grad` and returns f(x). */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export const LbfgsOptions = z.object({
  maxIter: z.number().int().positive().default(1000),
  gtol: z.number().nonnegative().default(1e-4),
  /** SciPy's default factr = 1e7 × machine epsilon; 0 turns the rule off. */
  ftol: z.number().nonnegative().default(1e7 * Number.EPSILON),
  /** Relative rounding of f (see `acceptable`). */
  fResolution: z.number().nonnegative().default(F64_RESOLUTION),
  /** Number of (s, y) pairs kept: SciPy's `maxcor` default. */
  memory: z.number().int().positive().default(10),
  maxLineSearch: z.number().int().positive().default(30),
});
export type LbfgsOptions = z.input<typeof LbfgsOptions>;

/**
 * Curvature pairs; a previous run's history warm-starts. `h0`, when set, is the Cholesky factor of a
 * Hessian (estimate) whose inverse starts the recursion instead of γ·I: the first step is a Newton step.
 */
export interface LbfgsHistory {
  s: Float64Array[];
  y: Float64Array[];
  rho: number[];
  h0?: Float64Array;
}

/** A history whose recursion starts from the inverse of `hessian` (row-major n × n, positive definite). */
export function historyFromHessian(hessian: Float64Array, n: number): LbfgsHistory {
  return { s: [], y: [], rho: [], h0: cholesky(hessian, n) };
}

export type LbfgsStop = 'gtol' | 'ftol' | 'maxIter' | 'lineSearch';

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  grad: Float64Array;
  /** ‖∇f‖∞ at x. */
  gradNorm: number;
  iterations: number;
  evaluations: number;
  stop: LbfgsStop;
  history: LbfgsHistory;
}

/**
 * Minimise `objective` from `x0`, with SciPy L-BFGS-B's stopping rules (scikit-learn's lbfgs):
 * ‖∇f‖∞ ≤ gtol, or (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol. The line search is Newton's
 * (`acceptable`), a non-finite f a failed step, so an objective defined on part of the space is
 * searched from inside it. Pairs with sᵀy ≤ 0 are skipped, so the implied Hessian stays positive
 * definite on a non-convex objective without a Wolfe line search.
 * @throws Error when f(x0) is not finite.
 * @example
 * minimizeLbfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, new Float64Array(1)).x // => [3]
 */
export function minimizeLbfgs(
  objective: Objective,
  x0: Float64Array,
  options: LbfgsOptions = {},
  history: LbfgsHistory = { s: [], y: [], rho: [] },
): LbfgsResult {
  const o = LbfgsOptions.parse(options);
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let iterations = 0;
  let stop: LbfgsStop = 'maxIter';
  if (!Number.isFinite(f)) throw new Error(`minimizeLbfgs: objective is ${f} at the starting point`);
  while (true) {
    if (normInf(g) <= o.gtol) {
      stop = 'gtol';
      break;
    }
    if (iterations >= o.maxIter) break;
    direction(g, history, d);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Stale curvature pairs gave an ascent direction: restart from H₀ alone.
      history.s.length = history.y.length = history.rho.length = 0;
      direction(g, history, d);
      slope = dot(g, d);
    }
    // Without curvature information the first step is scaled to unit length, as SciPy does.
    let step = history.s.length === 0 && history.h0 === undefined ? Math.min(1, 1 / norm2(g)) : 1;
    let fNew = Number.NaN;
    let accepted = false;
    for (let ls = 0; ls < o.maxLineSearch; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = objective(xNew, gNew);
      evaluations++;
      if (acceptable(f, fNew, step * slope, g, gNew, o.fResolution)) {
        accepted = true;
        break;
      }
      // f flat within its rounding and ∇f no smaller: shorter steps cannot show progress either.
      if (flat(f, fNew, o.fResolution)) break;
      // Minimiser of the quadratic through f, the slope and fNew, kept within [0.1, 0.5]·step.
      const q = Number.isFinite(fNew) ? (-slope * step * step) / (2 * (fNew - f - slope * step)) : 0.1 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, q));
    }
    if (!accepted) {
      stop = 'lineSearch';
      break;
    }
    iterations++;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > Number.EPSILON * dot(y, y)) {
      history.s.push(s);
      history.y.push(y);
      history.rho.push(1 / sy);
      if (history.s.length > o.memory) {
        history.s.shift();
        history.y.shift();
        history.rho.shift();
      }
    }
    const reduction = (f - fNew) / Math.max(Math.abs(f), Math.abs(fNew), 1);
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (o.ftol > 0 && reduction <= o.ftol) {
      stop = normInf(g) <= o.gtol ? 'gtol' : 'ftol';
      break;
    }
  }
  return { x, f, grad: g, gradNorm: normInf(g), iterations, evaluations, stop, history };
}

/** d = −H·g by the two-loop recursion, H₀ = h.h0⁻¹ if given, else (sᵀy / yᵀy)·I from the newest pair. */
function direction(g: Float64Array, h: LbfgsHistory, d: Float64Array): void {
  const m = h.s.length;
  const alpha = new Float64Array(m);
  for (let i = 0; i < g.length; i++) d[i] = -g[i];
  for (let k = m - 1; k >= 0; k--) {
    alpha[k] = h.rho[k] * dot(h.s[k], d);
    axpy(-alpha[k], h.y[k], d);
  }
  if (h.h0 !== undefined) {
    d.set(solveCholesky(h.h0, d, d.length));
  } else if (m > 0) {
    const gamma = 1 / (h.rho[m - 1] * dot(h.y[m - 1], h.y[m - 1]));
    for (let i = 0; i < d.length; i++) d[i] *= gamma;
  }
  for (let k = 0; k < m; k++) {
    const beta = h.rho[k] * dot(h.y[k], d);
    axpy(alpha[k] - beta, h.s[k], d);
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

function norm2(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}
