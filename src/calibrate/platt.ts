/**
 * Platt scaling (Platt 1999, "Probabilistic Outputs for Support Vector Machines"), as scikit-learn's
 * `_sigmoid_calibration`: a logistic curve from a model's margin to a calibrated churn probability.
 */
import { checkScoredLabels, requireBothClasses } from '../evaluate/scored-labels.ts';
import { sigmoid } from './sigmoid.ts';
import { softplus } from './softplus.ts';

export interface PlattParameters {
  readonly a: number;
  readonly b: number;
}

/** Cross-entropy against the smoothed targets; z = −(a·f + b) is the calibrated log-odds. */
function objective(a: number, b: number, f: ArrayLike<number>, t: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < f.length; i++) {
    const z = -(a * f[i] + b);
    // log σ(z) = −softplus(−z), and log(1 − σ(z)) = log σ(z) − z.
    const logP = -softplus(-z);
    const log1mP = logP - z;
    loss -= t[i] * logP + (1 - t[i]) * log1mP;
  }
  return loss;
}

/**
 * Fits p(churn | margin f) = 1 / (1 + exp(a·f + b)) by cross-entropy against Platt's smoothed
 * targets (§2.2): t₊ = (N₊ + 1)/(N₊ + 2), t₋ = 1/(N₋ + 2), which keep a and b finite on separated
 * data. sklearn uses BFGS from (0, ln((N₋+1)/(N₊+1))); this, Newton with backtracking from the same
 * start (Lin, Lin & Weng 2007): the same optimum of a convex 2-parameter problem, to a tighter tolerance.
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>): PlattParameters {
  checkScoredLabels(margins, labels, 'fitPlatt');
  const { positives, negatives } = requireBothClasses(labels, 'fitPlatt');
  const tPos = (positives + 1) / (positives + 2);
  const tNeg = 1 / (negatives + 2);
  const n = labels.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = labels[i] === 1 ? tPos : tNeg;

  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let loss = objective(a, b, margins, t);
  for (let iter = 0; iter < 100; iter++) {
    // Gradient and Hessian of the loss in (a, b); dz/da = −f, dz/db = −1.
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const f = margins[i];
      const p = sigmoid(-(a * f + b));
      const r = t[i] - p;
      ga += r * f;
      gb += r;
      const w = p * (1 - p);
      haa += w * f * f;
      hab += w * f;
      hbb += w;
    }
    if (Math.hypot(ga, gb) <= 1e-12 * n) break;
    // A tiny ridge keeps the 2×2 solve defined when every margin is equal (Lin et al. use 1e-12).
    const ridge = 1e-12;
    const det = (haa + ridge) * (hbb + ridge) - hab * hab;
    const da = -((hbb + ridge) * ga - hab * gb) / det;
    const db = -(-hab * ga + (haa + ridge) * gb) / det;
    let step = 1;
    let improved = false;
    while (step >= 1e-10) {
      const na = a + step * da;
      const nb = b + step * db;
      const nl = objective(na, nb, margins, t);
      // Armijo condition on the directional derivative g·d.
      if (nl <= loss + 1e-4 * step * (ga * da + gb * db)) {
        a = na;
        b = nb;
        improved = loss - nl > 1e-15 * Math.max(1, Math.abs(loss));
        loss = nl;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { a, b };
}

/** Calibrated churn probability for each margin. */
export function applyPlatt(params: PlattParameters, margins: ArrayLike<number>): Float64Array {
  const out = new Float64Array(margins.length);
  for (let i = 0; i < margins.length; i++) out[i] = sigmoid(-(params.a * margins[i] + params.b));
  return out;
}
