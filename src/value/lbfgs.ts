/**
 * Limited-memory BFGS minimisation (Nocedal 1980; Nocedal & Wright, "Numerical Optimization",
 * 2nd ed., algorithm 7.4 for the two-loop recursion) with a backtracking line search on the
 * Armijo condition, for smooth objectives with an analytic gradient. A few dozen iterations
 * replace the several hundred evaluations Nelder–Mead needs on the same likelihood.
 *
 * A curvature pair is kept only when sᵀy > 0, so the implied Hessian stays positive definite
 * without a Wolfe line search; a non-finite objective (outside the model's domain) counts as a
 * failed step and the step is halved.
 */
import { z } from 'zod';

export const LbfgsOptions = z.object({
  /** Stop when the largest gradient component is at most this. */
  gradientTolerance: z.number().positive().default(1e-8),
  /** ... or when an iteration lowers the objective by at most this × (1 + |f|). */
  fTolerance: z.number().positive().default(1e-14),
  maxIterations: z.number().int().positive().default(500),
  /** Curvature pairs kept. */
  memory: z.number().int().positive().default(8),
});
export type LbfgsOptions = z.input<typeof LbfgsOptions>;

export interface GradientResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** `fg(x, grad)` returns f(x) and writes ∇f(x) into `grad`. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

/**
 * @example
 * lbfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, Float64Array.of(0)).x; // => [3]
 */
export function lbfgs(fg: ObjectiveWithGradient, x0: Float64Array, options: LbfgsOptions = {}): GradientResult {
  const o = LbfgsOptions.parse(options);
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) return { x, value: f, iterations: 0, evaluations, converged: false };
  const sHist: Float64Array[] = [];
  const yHist: Float64Array[] = [];
  const rho: number[] = [];
  const dot = (u: Float64Array, v: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += u[i] * v[i];
    return s;
  };
  const maxAbs = (u: Float64Array): number => u.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

  for (let it = 0; it < o.maxIterations; it++) {
    if (maxAbs(g) <= o.gradientTolerance) return { x, value: f, iterations: it, evaluations, converged: true };
    // Two-loop recursion: d = −H g.
    const d = Float64Array.from(g, (v) => -v);
    const alpha: number[] = [];
    for (let k = sHist.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(sHist[k], d);
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * yHist[k][i];
    }
    if (sHist.length > 0) {
      const last = sHist.length - 1;
      const scale = dot(sHist[last], yHist[last]) / dot(yHist[last], yHist[last]);
      for (let i = 0; i < n; i++) d[i] *= scale;
    }
    for (let k = 0; k < sHist.length; k++) {
      const beta = rho[k] * dot(yHist[k], d);
      for (let i = 0; i < n; i++) d[i] += sHist[k][i] * (alpha[k] - beta);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (stale curvature): restart from steepest descent.
      sHist.length = yHist.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    // First iteration: cap the step at length 1 in parameter space (log parameters here).
    let step = sHist.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = NaN;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = fg(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(Number.isFinite(fNew) && fNew <= f)) return { x, value: f, iterations: it, evaluations, converged: maxAbs(g) <= 1e-5 };
    const s = Float64Array.from(xNew, (v, i) => v - x[i]);
    const y = Float64Array.from(gNew, (v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-300) {
      sHist.push(s);
      yHist.push(y);
      rho.push(1 / sy);
      if (sHist.length > o.memory) {
        sHist.shift();
        yHist.shift();
        rho.shift();
      }
    }
    const decrease = f - fNew;
    x = xNew;
    g = gNew;
    f = fNew;
    if (decrease <= o.fTolerance * (1 + Math.abs(f)) && maxAbs(g) <= 1e-6) {
      return { x, value: f, iterations: it + 1, evaluations, converged: true };
    }
  }
  return { x, value: f, iterations: o.maxIterations, evaluations, converged: false };
}
