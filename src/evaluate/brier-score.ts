/**
 * Brier score (1/n) Σ (pᵢ − yᵢ)², as scikit-learn's `brier_score_loss`. Lower is better; a constant 0.5 earns 0.25.
 * @example brierScore(new Float64Array([0.1, 0.9, 0.8, 0.3]), new Uint8Array([0, 1, 1, 0])); // => 0.0375
 */
import { checkScoredLabels } from './scored-labels.ts';

export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkScoredLabels(probabilities, labels, 'brierScore');
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = probabilities[i] - labels[i];
    s += d * d;
  }
  return s / labels.length;
}
