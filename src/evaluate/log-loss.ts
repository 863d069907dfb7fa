/**
 * Log-loss −(1/n) Σ [yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)] as scikit-learn 1.2's `log_loss(y, p)` with `eps="auto"`:
 * probabilities clipped to [ε, 1 − ε], ε = float64 machine epsilon, so a confident mistake costs about 36.
 * @example logLoss(new Float64Array([0.1, 0.9, 0.8, 0.3]), new Uint8Array([0, 1, 1, 0])); // => 0.1841…
 */
import { checkScoredLabels } from './scored-labels.ts';

export const LOG_LOSS_EPS = 2.220446049250313e-16;

export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkScoredLabels(probabilities, labels, 'logLoss');
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    s -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / labels.length;
}
