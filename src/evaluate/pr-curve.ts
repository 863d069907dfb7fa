/**
 * Precision–recall curve points as scikit-learn 1.2's `precision_recall_curve(y, s)`: one per distinct score up to
 * the first reaching full recall, by increasing threshold, then the end point (precision 1, recall 0).
 */
import type { ThresholdTable } from './threshold-table.ts';

export interface PrCurve {
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  /** One fewer than the points: the end point (1, 0) has none. */
  readonly thresholds: Float64Array;
}

export function prCurve(t: ThresholdTable): PrCurve {
  const P = t.tps[t.tps.length - 1];
  // Thresholds below the first one reaching full recall only add false positives; sklearn stops there.
  let last = 0;
  while (t.tps[last] < P) last++;
  const m = last + 1;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thresholds = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const k = last - j;
    precision[j] = t.tps[k] / (t.tps[k] + t.fps[k]);
    recall[j] = t.tps[k] / P;
    thresholds[j] = t.thresholds[k];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds };
}
