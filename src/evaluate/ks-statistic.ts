/**
 * Kolmogorov–Smirnov statistic: max over thresholds of |TPR − FPR|, as scipy's `ks_2samp(s[y == 1], s[y == 0])`.
 * Tied scores are one threshold, so ties cannot inflate it.
 */
import { type ThresholdTable, thresholdTable } from './threshold-table.ts';

export function ksStatistic(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return ksStatisticFromTable(thresholdTable(scores, labels, 'ksStatistic'));
}

export function ksStatisticFromTable(t: ThresholdTable): number {
  const positives = t.tps[t.tps.length - 1];
  const negatives = t.fps[t.fps.length - 1];
  let ks = 0;
  for (let k = 0; k < t.tps.length; k++) {
    const gap = Math.abs(t.tps[k] / positives - t.fps[k] / negatives);
    if (gap > ks) ks = gap;
  }
  return ks;
}
