/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients
 * reflection 1, expansion 2, contraction ½, shrink ½ as in Lagarias et al. 1998, "Convergence
 * properties of the Nelder–Mead simplex method in low dimensions").
 *
 * Used for the few-parameter likelihoods of BG/NBD (4) and Gamma-Gamma (3) on log parameters:
 * it needs no gradient and never leaves a region where the objective is finite, which the
 * likelihoods are not near 0 or ∞. Because a simplex can collapse early on a curved valley, the
 * search restarts from its best point with a fresh simplex until a restart no longer improves
 * the value by more than the tolerance.
 */
import { z } from 'zod';

export const NelderMeadOptions = z.object({
  /** Stop when the simplex values differ by at most fTolerance · (1 + |best|) ... */
  fTolerance: z.number().positive().default(1e-10),
  /** ... and every vertex is within xTolerance of the best in every coordinate. */
  xTolerance: z.number().positive().default(1e-7),
  /** Step of the initial simplex along each axis. */
  initialStep: z.number().positive().default(0.5),
  maxIterations: z.number().int().positive().default(20_000),
  maxRestarts: z.number().int().nonnegative().default(5),
});
export type NelderMeadOptions = z.input<typeof NelderMeadOptions>;

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Minimise `f` from `x0`. A non-finite value of `f` is treated as +∞ (the point is rejected).
 *
 * @example
 * nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, Float64Array.of(0, 0)).x; // => ≈ [1, -2]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  options: NelderMeadOptions = {},
): MinimiseResult {
  const o = NelderMeadOptions.parse(options);
  let evaluations = 0;
  const g = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best: { x: Float64Array; value: number } = { x: Float64Array.from(x0), value: g(x0) };
  let iterations = 0;
  let converged = false;
  for (let restart = 0; restart <= o.maxRestarts; restart++) {
    const run = simplexSearch(g, best.x, o, o.maxIterations - iterations);
    iterations += run.iterations;
    const improvement = best.value - run.value;
    if (run.value <= best.value) best = { x: run.x, value: run.value };
    converged = run.converged;
    if (!run.converged || improvement <= o.fTolerance * (1 + Math.abs(best.value))) break;
  }
  return { x: best.x, value: best.value, iterations, evaluations, converged };
}

function simplexSearch(
  g: (x: Float64Array) => number,
  start: Float64Array,
  o: z.infer<typeof NelderMeadOptions>,
  maxIterations: number,
): { x: Float64Array; value: number; iterations: number; converged: boolean } {
  const n = start.length;
  const pts: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(start);
    p[i] += o.initialStep;
    pts.push(p);
  }
  const vals = pts.map(g);
  const centroid = new Float64Array(n);
  const along = (t: number): Float64Array => {
    // centroid + t · (centroid − worst)
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = centroid[j] + t * (centroid[j] - pts[n][j]);
    return p;
  };
  let it = 0;
  for (; it < maxIterations; it++) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
    const sortedPts = order.map((i) => pts[i]);
    const sortedVals = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) {
      pts[i] = sortedPts[i];
      vals[i] = sortedVals[i];
    }
    if (isConverged(pts, vals, o)) return { x: pts[0], value: vals[0], iterations: it, converged: true };

    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
    const xr = along(1);
    const fr = g(xr);
    if (fr < vals[0]) {
      const xe = along(2);
      const fe = g(xe);
      if (fe < fr) replaceWorst(xe, fe);
      else replaceWorst(xr, fr);
    } else if (fr < vals[n - 1]) {
      replaceWorst(xr, fr);
    } else {
      // Outside contraction when the reflection beat the worst point, inside otherwise.
      const outside = fr < vals[n];
      const xc = along(outside ? 0.5 : -0.5);
      const fc = g(xc);
      if (fc < (outside ? fr : vals[n])) {
        replaceWorst(xc, fc);
      } else {
        for (let i = 1; i <= n; i++) {
          for (let j = 0; j < n; j++) pts[i][j] = pts[0][j] + 0.5 * (pts[i][j] - pts[0][j]);
          vals[i] = g(pts[i]);
        }
      }
    }
  }
  let b = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[b]) b = i;
  return { x: pts[b], value: vals[b], iterations: it, converged: false };

  function replaceWorst(p: Float64Array, v: number): void {
    pts[n] = p;
    vals[n] = v;
  }
}

function isConverged(pts: Float64Array[], vals: number[], o: z.infer<typeof NelderMeadOptions>): boolean {
  const n = pts.length - 1;
  if (vals[n] - vals[0] > o.fTolerance * (1 + Math.abs(vals[0]))) return false;
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j < n; j++) if (Math.abs(pts[i][j] - pts[0][j]) > o.xTolerance) return false;
  }
  return true;
}
