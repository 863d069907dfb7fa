/**
 * ROC-AUC: the probability that a random churner scores above a random non-churner, ties counting ½ (Mann–Whitney
 * U / n₁n₀) — scikit-learn's `roc_auc_score`, whose trapezoids make a tied group one diagonal step. Throws when only
 * one class is present, as sklearn does.
 * @example rocAuc(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1])); // => 0.75
 */
import { requireBothClasses } from './scored-labels.ts';
import { type ThresholdTable, thresholdTable } from './threshold-table.ts';

export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  requireBothClasses(labels, 'rocAuc');
  return rocAucFromTable(thresholdTable(scores, labels));
}

export function rocAucFromTable(t: ThresholdTable): number {
  const k = t.tps.length;
  const positives = t.tps[k - 1];
  const negatives = t.fps[k - 1];
  // Sum of (negatives in group) × (positives ranked above + ½ positives tied with them):
  // whole and half counts, so the sum is exact in float64 and rounding happens once, in the division.
  let pairs = 0;
  let tpPrev = 0;
  let fpPrev = 0;
  for (let g = 0; g < k; g++) {
    const dTp = t.tps[g] - tpPrev;
    const dFp = t.fps[g] - fpPrev;
    pairs += dFp * (tpPrev + dTp / 2);
    tpPrev = t.tps[g];
    fpPrev = t.fps[g];
  }
  return pairs / (positives * negatives);
}
