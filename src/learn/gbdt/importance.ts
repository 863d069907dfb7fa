/**
 * Global feature importance of a GBDT: total split gain and split count per feature (as
 * XGBoost's "total_gain" and "weight" importance types), and mean |SHAP| per feature (Lundberg
 * et al. 2020, "From local explanations to global understanding", the bar summary plot).
 */
import type { Matrix } from '../matrix.ts';
import type { GbdtModel } from './model.ts';

export interface FeatureImportance {
  readonly featureNames: readonly string[];
  readonly totalGain: Float64Array;
  readonly splitCount: Float64Array;
}

/** Cost: one pass over the trees' nodes. */
export function splitImportance(model: GbdtModel): FeatureImportance {
  const p = model.featureNames.length;
  const totalGain = new Float64Array(p);
  const splitCount = new Float64Array(p);
  for (const t of model.trees) {
    for (let n = 0; n < t.feature.length; n++) {
      const f = t.feature[n];
      if (f >= 0) {
        totalGain[f] += t.gain[n];
        splitCount[f] += 1;
      }
    }
  }
  return { featureNames: model.featureNames, totalGain, splitCount };
}

/** Mean absolute TreeSHAP contribution of each feature over the rows of x. */
export function meanAbsShap(model: GbdtModel, x: Matrix): Float64Array {
  const { values } = model.contributions(x);
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) out[j] += Math.abs(values[i * x.cols + j]);
  for (let j = 0; j < x.cols; j++) out[j] /= Math.max(1, x.rows);
  return out;
}
