/**
 * Damped Newton's method for a smooth strictly convex objective (Nocedal & Wright, 2nd ed., §3.3):
 * H·d = −∇f by Cholesky, Armijo backtracking, until ‖∇f‖∞ ≤ gtol or f's rounding floor. The Hessian
 * is kept while steps keep shrinking the gradient (the "chord" method): near the optimum it barely
 * changes, and one can cost as much as ten gradients.
 */
import type { LbfgsResult, Objective } from './lbfgs.ts';

/** The Hessian at x, row-major n × n; approximate (e.g. float32) makes the step inexact Newton. */
export type Hessian = (x: Float64Array) => Float64Array;

/** What Newton's method returns: the fields of an L-BFGS result, with Newton's own stop reasons. */
export interface NewtonResult extends Omit<LbfgsResult, 'stop' | 'history'> {
  stop: 'gtol' | 'maxIter' | 'lineSearch';
}

export function minimizeNewton(
  objective: Objective,
  hessian: Hessian,
  x0: Float64Array,
  options: {
    gtol: number;
    maxIter: number;
    maxLineSearch?: number;
    /** Relative resolution of f (see `acceptable`). */
    fResolution?: number;
    /** The Hessian is kept while each step shrinks ‖∇f‖∞ to at most this fraction (default ½). */
    reuseBelow?: number;
    /** A Hessian from near x0 to take the first step with (recomputed at x0 if that step fails). */
    initialHessian?: Float64Array;
  },
): NewtonResult {
  const fResolution = options.fResolution ?? F64_RESOLUTION;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  let iterations = 0;
  let stop: NewtonResult['stop'] = 'maxIter';
  let h: Float64Array | null = options.initialHessian ?? null;
  /** Whether h was computed at the current x (a failed step with a fresh Hessian is final). */
  let fresh = false;
  while (iterations < options.maxIter) {
    const before = normInf(g);
    if (before <= options.gtol) {
      stop = 'gtol';
      break;
    }
    if (h === null) {
      h = hessian(x);
      fresh = true;
    }
    const d = solveCholesky(cholesky(h, n), g, n);
    for (let i = 0; i < n; i++) d[i] = -d[i];
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i] * d[i];
    let step = 1;
    let accepted = false;
    for (let ls = 0; ls < (options.maxLineSearch ?? 30); ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      const fNew = objective(xNew, gNew);
      evaluations++;
      if (acceptable(f, fNew, step * slope, g, gNew, fResolution)) {
        x.set(xNew);
        g.set(gNew);
        f = fNew;
        accepted = true;
        break;
      }
      // f flat within its rounding and ∇f no smaller: shorter steps cannot show progress either.
      if (flat(f, fNew, fResolution)) break;
      step *= 0.5;
    }
    if (!accepted) {
      if (fresh) {
        stop = 'lineSearch';
        break;
      }
      // A reused Hessian can give a poor direction: retry from one computed here.
      h = null;
      continue;
    }
    iterations++;
    fresh = false;
    if (normInf(g) > (options.reuseBelow ?? 0.5) * before) h = null;
  }
  if (stop === 'maxIter' && normInf(g) <= options.gtol) stop = 'gtol';
  return { x, f, grad: g, gradNorm: normInf(g), iterations, evaluations, stop };
}

/**
 * The Cholesky factor L (row-major n × n, lower triangle) of a symmetric positive definite A. A pivot
 * rounding made non-positive is lifted to a small multiple of the diagonal's scale (a descent direction).
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i]));
  const floor = Math.max(scale, 1) * 1e-12;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) L[i * n + i] = Math.sqrt(Math.max(s, floor));
      else L[i * n + j] = s / L[j * n + j];
    }
  }
  return L;
}

/** Solves L·Lᵀ·z = b given the factor from `cholesky`. Cost: n² multiply-adds. */
export function solveCholesky(L: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  const z = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) z[i] -= L[i * n + k] * z[k];
    z[i] /= L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) z[i] -= L[k * n + i] * z[k];
    z[i] /= L[i * n + i];
  }
  return z;
}

/** Relative rounding of a float64 sum over many rows. */
export const F64_RESOLUTION = 1e-12;

/**
 * Armijo sufficient decrease, or, once f's change is within its relative rounding `fResolution`
 * (float64 sums ~1e-12, float32 ~1e-6), a smaller gradient: near the optimum f is flat to rounding
 * while the gradient still measures the remaining error.
 */
export function acceptable(
  f: number,
  fNew: number,
  slopeTimesStep: number,
  g: Float64Array,
  gNew: Float64Array,
  fResolution = F64_RESOLUTION,
): boolean {
  if (!Number.isFinite(fNew)) return false;
  // A change within the rounding could fake an Armijo decrease: the gradient decides.
  if (flat(f, fNew, fResolution)) return normInf(gNew) < normInf(g);
  return fNew <= f + 1e-4 * slopeTimesStep;
}

/** f and fNew differ by no more than f's rounding. */
export function flat(f: number, fNew: number, fResolution: number): boolean {
  return Math.abs(fNew - f) <= fResolution * Math.max(Math.abs(f), 1);
}

/** max |aᵢ|. */
export function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
