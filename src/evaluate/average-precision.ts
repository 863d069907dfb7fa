/**
 * Average precision (the PR-AUC we report) as scikit-learn's `average_precision_score`: AP = Σₙ (Rₙ − Rₙ₋₁) · Pₙ
 * over the distinct thresholds, the precision at each weighted by the recall it adds. No interpolation (the
 * trapezoidal PR-AUC is optimistic); tied scores form one threshold.
 * @example averagePrecision(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1])); // => 0.8333…
 */
import { prCurve, type PrCurve } from './pr-curve.ts';
import { thresholdTable } from './threshold-table.ts';

export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  return averagePrecisionFromCurve(prCurve(thresholdTable(scores, labels, 'averagePrecision')));
}

/** Summed from the highest threshold down; thresholds past full recall add no recall, so the curve's suffice. */
export function averagePrecisionFromCurve({ precision, recall }: PrCurve): number {
  let ap = 0;
  for (let j = recall.length - 2; j >= 0; j--) ap += (recall[j] - recall[j + 1]) * precision[j];
  return ap;
}
