/**
 * Average precision (the PR-AUC we report), scikit-learn's `average_precision_score` definition:
 * AP = Σₙ (Rₙ − Rₙ₋₁) · Pₙ over the distinct score thresholds, highest first — the precision at
 * each threshold weighted by the recall it adds. No interpolation (unlike the trapezoidal PR-AUC,
 * which is optimistic). Tied scores form one threshold.
 *
 * @example averagePrecision(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1])); // => 0.8333…
 */
import { requireBothClasses } from './scored-labels.ts';
import { type ThresholdTable, thresholdTable } from './threshold-table.ts';

export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  requireBothClasses(labels, 'averagePrecision');
  return averagePrecisionFromTable(thresholdTable(scores, labels));
}

export function averagePrecisionFromTable(t: ThresholdTable): number {
  const P = t.tps[t.tps.length - 1];
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < t.tps.length; k++) {
    const recall = t.tps[k] / P;
    ap += (recall - prevRecall) * (t.tps[k] / (t.tps[k] + t.fps[k]));
    prevRecall = recall;
  }
  return ap;
}
