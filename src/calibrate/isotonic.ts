/**
 * Isotonic calibration (Zadrozny & Elkan 2002) as scikit-learn's
 * `IsotonicRegression(out_of_bounds="clip").fit(p, y).predict(p_new)`, p = σ(margin): equal p merged
 * with mean y (`_make_unique`), pool-adjacent-violators, the ends of flat runs kept, then scipy
 * `interp1d`'s linear interpolation, inputs clipped to the fitted range.
 */
import { checkScoredLabels } from '../evaluate/scored-labels.ts';
import { poolAdjacentViolators } from './pool-adjacent-violators.ts';

export interface IsotonicSteps {
  /** Increasing probabilities. */
  readonly x: readonly number[];
  /** Fitted churn probability at each x, non-decreasing. */
  readonly y: readonly number[];
}

/** Fits on any increasing-in-risk input x (here the model's probability). */
export function fitIsotonicRegression(x: ArrayLike<number>, labels: ArrayLike<number>): IsotonicSteps {
  checkScoredLabels(x, labels, 'fitIsotonicRegression');
  const n = x.length;
  if (n === 0) throw new Error('fitIsotonicRegression: no rows');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || labels[a] - labels[b]);
  const ux: number[] = [];
  const sumY: number[] = [];
  const uw: number[] = [];
  for (const i of order) {
    const last = ux.length - 1;
    if (last >= 0 && x[i] === ux[last]) {
      sumY[last] += labels[i];
      uw[last] += 1;
    } else {
      ux.push(x[i]);
      sumY.push(labels[i]);
      uw.push(1);
    }
  }
  const fitted = poolAdjacentViolators(sumY.map((s, k) => s / uw[k]), uw);
  const keepX: number[] = [];
  const keepY: number[] = [];
  const m = ux.length;
  for (let k = 0; k < m; k++) {
    // Interior points equal to both neighbours add nothing to the interpolant.
    if (k > 0 && k < m - 1 && fitted[k] === fitted[k - 1] && fitted[k] === fitted[k + 1]) continue;
    keepX.push(ux[k]);
    keepY.push(fitted[k]);
  }
  return { x: keepX, y: keepY };
}

/** Evaluates the fitted step function at each input. Cost: O(log m) per input. */
export function predictIsotonic(steps: IsotonicSteps, x: ArrayLike<number>): Float64Array {
  const { x: tx, y: ty } = steps;
  const m = tx.length;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (m === 1) {
      out[i] = ty[0];
      continue;
    }
    const v = Math.min(Math.max(x[i], tx[0]), tx[m - 1]);
    // First index with tx[idx] >= v (numpy searchsorted, side="left"), clamped to [1, m − 1] as scipy does.
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tx[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const idx = Math.min(Math.max(lo, 1), m - 1);
    const x0 = tx[idx - 1];
    const y0 = ty[idx - 1];
    const slope = (ty[idx] - y0) / (tx[idx] - x0);
    out[i] = slope * (v - x0) + y0;
  }
  return out;
}
