/**
 * ROC-AUC: the probability that a random churner scores above a random non-churner, ties counting ½ (Mann–Whitney
 * U / n₁n₀) — scikit-learn's `roc_auc_score`, whose trapezoids make a tied group one diagonal step. Throws when only
 * one class is present, as sklearn does.
 * @example rocAuc(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1])); // => 0.75
 */
import { type ThresholdTable, thresholdTable } from './threshold-table.ts';

export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return rocAucFromTable(thresholdTable(scores, labels, 'rocAuc'));
}

export function rocAucFromTable(t: ThresholdTable): number {
  const atScore = (cumulative: Float64Array) => cumulative.map((v, g) => (g === 0 ? v : v - cumulative[g - 1]));
  return rocAucFromCounts(atScore(t.tps), atScore(t.fps));
}

/**
 * ROC-AUC from the churners and non-churners at each distinct score, highest first. Σ (negatives at a score) ×
 * (positives above + ½ those tied) adds whole and half counts, exact in float64: rounding happens once, in the division.
 */
export function rocAucFromCounts(positivesAt: Float64Array, negativesAt: Float64Array): number {
  let pairs = 0;
  let positivesAbove = 0;
  let negatives = 0;
  for (let g = 0; g < positivesAt.length; g++) {
    pairs += negativesAt[g] * (positivesAbove + positivesAt[g] / 2);
    positivesAbove += positivesAt[g];
    negatives += negativesAt[g];
  }
  return pairs / (positivesAbove * negatives);
}
