/**
 * The L2-penalised logistic loss on scikit-learn 1.2's scale (`LinearModelLoss` with
 * `l2_reg_strength = 1/C`, which `LogisticRegression(solver="lbfgs")` minimises):
 *
 *   F(β, b) = Σᵢ wᵢ · [log(1 + e^{mᵢ}) − yᵢ·mᵢ] + ‖β‖² / (2C),   mᵢ = xᵢ·β + b,
 *
 * i.e. sklearn's documented C·Σ wᵢ·loglossᵢ + ½‖β‖² divided by C: same minimiser, and tolerances
 * (`gtol`, `ftol`) mean what they mean to sklearn. The intercept b is not penalised.
 * Parameters are packed θ = [β₀ … β_{p−1}, b].
 */
import { sigmoid } from '../../calibrate/sigmoid.ts';
import type { Matrix } from '../matrix.ts';

export interface LogisticProblem {
  readonly x: Matrix;
  /** Labels, 1 = churned, 0 = stayed. */
  readonly y: Float64Array;
  /** Per-row weights (class weights folded in), or null for all ones. */
  readonly w: Float64Array | null;
  readonly C: number;
}

/** log(1 + e^m) without overflow. */
export function softplus(m: number): number {
  return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
}


/**
 * F and ∇F in float64, one fused pass over the rows (each row's margin, residual and gradient
 * share the row while it is in cache). Cost: 2·rows·cols multiply-adds plus one exp and log per row.
 */
export function penalizedLogLoss(problem: LogisticProblem, theta: Float64Array, grad: Float64Array): number {
  const { x, y, w, C } = problem;
  const p = x.cols;
  const X = x.data;
  const b = theta[p];
  grad.fill(0);
  let loss = 0;
  let gb = 0;
  for (let i = 0; i < x.rows; i++) {
    const o = i * p;
    let m = b;
    for (let j = 0; j < p; j++) m += X[o + j] * theta[j];
    const wi = w === null ? 1 : w[i];
    loss += wi * (softplus(m) - y[i] * m);
    const r = wi * (sigmoid(m) - y[i]);
    gb += r;
    for (let j = 0; j < p; j++) grad[j] += X[o + j] * r;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    penalty += theta[j] * theta[j];
    grad[j] += theta[j] / C;
  }
  grad[p] = gb;
  return loss + penalty / (2 * C);
}

/**
 * ∇²F, (p+1) × (p+1) row-major with the intercept last: Xᵀ·diag(w·σ(1−σ))·X (X with a column of
 * ones appended) plus I/C on the β block. Float64. Cost: rows·(p+1)(p+2)/2 multiply-adds, about
 * (p+2)/4 gradient evaluations, which is why the Newton phase computes it once and reuses it.
 */
export function penalizedLogLossHessian(problem: LogisticProblem, theta: Float64Array): Float64Array {
  const { x, w, C } = problem;
  const p = x.cols;
  const q = p + 1;
  const X = x.data;
  const h = new Float64Array(q * q);
  const row = new Float64Array(q);
  row[p] = 1;
  for (let i = 0; i < x.rows; i++) {
    const o = i * p;
    let m = theta[p];
    for (let j = 0; j < p; j++) {
      row[j] = X[o + j];
      m += row[j] * theta[j];
    }
    const s = sigmoid(m);
    const d = (w === null ? 1 : w[i]) * s * (1 - s);
    // Lower triangle only; mirrored below.
    for (let j = 0; j < q; j++) {
      const a = d * row[j];
      const at = j * q;
      for (let k = 0; k <= j; k++) h[at + k] += a * row[k];
    }
  }
  for (let j = 0; j < q; j++) {
    for (let k = 0; k < j; k++) h[k * q + j] = h[j * q + k];
  }
  for (let j = 0; j < p; j++) h[j * q + j] += 1 / C;
  return h;
}
