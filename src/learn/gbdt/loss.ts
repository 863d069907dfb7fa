/**
 * Binary log-loss on the margin (log-odds) scale — what the trees are fitted to.
 * For a row with label y ∈ {0, 1} and margin m, p = σ(m); the loss −[y log p + (1−y) log(1−p)]
 * has gradient p − y and hessian p(1 − p) in m (Friedman, Hastie & Tibshirani 2000; the
 * "binary_crossentropy"/"log_loss" of scikit-learn's HistGradientBoosting).
 */
import { sigmoid } from '../../calibrate/sigmoid.ts';

/**
 * The constant starting margin: log-odds of the training prior, the minimiser of log-loss over
 * constants. Throws when the labels hold a single class (no model can be learned).
 */
export function baselineMargin(y: Uint8Array): number {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i];
  if (pos === 0 || pos === y.length) throw new Error(`baselineMargin: labels hold one class only (${pos} of ${y.length} positive)`);
  const p = pos / y.length;
  return Math.log(p / (1 - p));
}

/** Fills grad and hess for every row. Cost: one exp per row. */
export function gradients(y: Uint8Array, margin: Float64Array, grad: Float64Array, hess: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const p = sigmoid(margin[i]);
    grad[i] = p - y[i];
    hess[i] = p * (1 - p);
  }
}

/** Mean log-loss of margins against labels, computed stably as softplus(m) − y·m. */
export function meanLogLoss(y: Uint8Array, margin: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const m = margin[i];
    const softplus = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    s += softplus - y[i] * m;
  }
  return s / y.length;
}
