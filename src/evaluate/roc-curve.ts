/**
 * ROC curve points for charts as scikit-learn 1.2's `roc_curve(y, s)` with `drop_intermediate=True`: collinear
 * points dropped, starting at (0, 0) with threshold max(score) + 1.
 */
import type { ThresholdTable } from './threshold-table.ts';

export interface RocCurve {
  readonly fpr: Float64Array;
  readonly tpr: Float64Array;
  readonly thresholds: Float64Array;
}

export function rocCurve(t: ThresholdTable): RocCurve {
  const n = t.tps.length;
  // A point is kept where the curve bends: a non-zero second difference in fps or tps.
  const bends = (c: Float64Array, k: number) => c[k + 1] - 2 * c[k] + c[k - 1] !== 0;
  const keep = Array.from({ length: n }, (_, k) => k).filter(
    (k) => k === 0 || k === n - 1 || n <= 2 || bends(t.fps, k) || bends(t.tps, k),
  );
  const m = keep.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thresholds = new Float64Array(m);
  const P = t.tps[n - 1];
  const N = t.fps[n - 1];
  thresholds[0] = t.thresholds[0] + 1;
  for (let j = 0; j < keep.length; j++) {
    fpr[j + 1] = t.fps[keep[j]] / N;
    tpr[j + 1] = t.tps[keep[j]] / P;
    thresholds[j + 1] = t.thresholds[keep[j]];
  }
  return { fpr, tpr, thresholds };
}
