/**
 * "Data-fitted hand weights": non-negative weights on the AHP score's 0–100 indicator scores, fitted to the churn
 * labels, so that managers get a data-backed weighting in the format they already use (percentages).
 *
 * Model: P(churn) = σ(a − Σ_k β_k · x_k / 100) with β_k ≥ 0 (x_k oriented: higher = healthier), fitted by maximum
 * likelihood with a projected Newton method (Bertsekas 1982, SIAM J. Control Optim. 20:221–246): Newton steps on
 * the free variables, variables at 0 with an outward gradient held there, Armijo backtracking along the projected
 * path. Then weight_k = β_k / Σβ and scale = Σβ, so that P(churn) = σ(a − scale · S / 100) with S the hand score.
 */
import type { Matrix } from '../learn/matrix.ts';
import { cholesky, solveCholesky } from '../learn/optim/newton.ts';
import { sigmoid } from '../calibrate/sigmoid.ts';
import { softplus } from '../calibrate/softplus.ts';

export interface FittedHandWeights {
  /** Non-negative, summing to 1 (equal when no indicator separates churners). */
  readonly weights: Float64Array;
  /** β_k: the unnormalised coefficients (per unit of the 0–1 indicator score). */
  readonly coefficients: Float64Array;
  readonly intercept: number;
  /** Σβ: log-odds of churn lost going from hand score 0 to hand score 100. */
  readonly scale: number;
  /** Mean, at the fit. */
  readonly logLoss: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MAX_ITERATIONS = 200;
const GRADIENT_TOLERANCE = 1e-9;

/** `scores`: rows × k oriented indicator scores on 0–100 (`AhpScores.indicatorScores`); labels 1 = churned. */
export function fittedHandWeights(scores: Matrix, labels: ArrayLike<number>): FittedHandWeights {
  const { rows: n, cols: k, data } = scores;
  if (labels.length !== n) throw new Error(`fittedHandWeights: ${labels.length} labels for ${n} rows`);
  if (n === 0) throw new Error('fittedHandWeights: no rows');
  const m = k + 1;
  // Design row i is d_i = [1, −x_i1/100, …, −x_ik/100], so z_i = θ · d_i and β ≥ 0 is θ_1.. ≥ 0.
  const design = (i: number, j: number): number => (j === 0 ? 1 : -data[i * k + j - 1] / 100);
  const loss = (theta: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < m; j++) z += theta[j] * design(i, j);
      s += softplus(z) - labels[i] * z;
    }
    return s / n;
  };
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  const base = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
  let theta = new Float64Array(m);
  theta[0] = Math.log(base / (1 - base));
  let f = loss(theta);
  let converged = false;
  let iterations = 0;
  const g = new Float64Array(m);
  const h = new Float64Array(m * m);
  const d = new Float64Array(m);
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    g.fill(0);
    h.fill(0);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < m; j++) z += theta[j] * design(i, j);
      const p = sigmoid(z);
      const r = p - labels[i];
      const v = p * (1 - p);
      for (let a = 0; a < m; a++) {
        const da = design(i, a);
        g[a] += r * da;
        for (let b = a; b < m; b++) h[a * m + b] += v * da * design(i, b);
      }
    }
    for (let a = 0; a < m; a++) {
      g[a] /= n;
      for (let b = a; b < m; b++) h[b * m + a] = h[a * m + b] /= n;
    }
    // Bound-constrained stationarity: a coefficient at 0 whose gradient pushes it below 0 is done.
    const atBound = (j: number) => j > 0 && theta[j] <= 1e-12 && g[j] > 0;
    let projected = 0;
    for (let j = 0; j < m; j++) if (!atBound(j)) projected = Math.max(projected, Math.abs(g[j]));
    if (projected < GRADIENT_TOLERANCE) {
      converged = true;
      break;
    }
    const free = Array.from({ length: m }, (_, j) => j).filter((j) => !atBound(j));
    const q = free.length;
    const hf = new Float64Array(q * q);
    const gf = new Float64Array(q);
    for (let a = 0; a < q; a++) {
      gf[a] = -g[free[a]];
      for (let b = 0; b < q; b++) hf[a * q + b] = h[free[a] * m + free[b]] + (a === b ? 1e-12 : 0);
    }
    const step = solveCholesky(cholesky(hf, q), gf, q);
    d.fill(0);
    for (let a = 0; a < q; a++) d[free[a]] = Number.isFinite(step[a]) ? step[a] : -g[free[a]];
    let t = 1;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      const next = new Float64Array(m);
      let decrease = 0;
      for (let j = 0; j < m; j++) {
        next[j] = theta[j] + t * d[j];
        if (j > 0 && next[j] < 0) next[j] = 0;
        decrease += g[j] * (next[j] - theta[j]);
      }
      const fNext = loss(next);
      if (fNext <= f + 1e-4 * decrease) {
        accepted = fNext < f || decrease === 0;
        theta = next;
        f = fNext;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // No descent left along the Newton path: at the optimum to machine precision.
      converged = projected < 1e-6;
      break;
    }
  }
  const coefficients = theta.slice(1);
  const scale = coefficients.reduce((s, b) => s + b, 0);
  const weights = scale > 0 ? coefficients.map((b) => b / scale) : new Float64Array(k).fill(1 / k);
  return { weights, coefficients, intercept: theta[0], scale, logLoss: f, iterations, converged };
}
