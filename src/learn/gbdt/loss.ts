/**
 * Binary log-loss on the margin scale, what the trees are fitted to: with p = σ(m), gradient p − y and
 * hessian p(1 − p) in m (Friedman, Hastie & Tibshirani 2000; scikit-learn HistGradientBoosting's "log_loss").
 */
import { sigmoid } from '../../calibrate/sigmoid.ts';
import { softplus } from '../../calibrate/softplus.ts';

/** Log-odds of the training prior, the minimiser of log-loss over constants; throws on a single class. */
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

/** Mean log-loss of margins against labels, as softplus(m) − y·m. */
export function meanLogLoss(y: Uint8Array, margin: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += softplus(margin[i]) - y[i] * margin[i];
  return s / y.length;
}
