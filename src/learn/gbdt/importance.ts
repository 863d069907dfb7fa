/**
 * Global feature importance of a GBDT from its splits: total split gain and split count per
 * feature (as XGBoost's "total_gain" and "weight" importance types). The mean-|SHAP| importance
 * is src/training/model-importance.ts.
 */
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
