/**
 * Scores a feature table with a model bundle: calibrated churn probability, health score, tier
 * and (optionally) the top reasons in words. The batch job, `healthscore run` and the
 * one-customer scorer all go through here, so they give the same score for the same row.
 */
import type { ColumnTable } from 'arquero';
import { applyCalibrator } from '../calibrate/calibrator.ts';
import { bundleModel } from '../learn/model-bundle.ts';
import type { ModelBundle } from '../learn/model-bundle.ts';
import { rawInputs } from '../learn/model-inputs.ts';
import { transform } from '../learn/preprocess/transform.ts';
import { healthScores } from './health-score.ts';
import { explainRows, formatReasons } from './reasons.ts';
import type { RowReasons } from './reasons.ts';
import { assignTiers } from './tiers.ts';
import type { Tier } from './tiers.ts';

export interface SnapshotScores {
  customerId: string[];
  margin: Float64Array;
  churnProbability: Float64Array;
  healthScore: Uint8Array;
  tier: Tier[];
  /** Null when reasons were not asked for (they cost TreeSHAP time on a GBDT). */
  reasons: RowReasons[] | null;
}

export interface ScoreOptions {
  reasons?: boolean;
  topK?: number;
}

/** Returns a problem message when the table lacks an input of the model (a schema mismatch). */
export function scoreSnapshot(bundle: ModelBundle, table: ColumnTable, options: ScoreOptions = {}): SnapshotScores | { problem: string } {
  const { manifest } = bundle;
  const inputs = rawInputs(table, manifest.inputs);
  if ('problem' in inputs) return inputs;
  const encoded = transform(manifest.preprocessing, inputs.raw);
  const model = bundleModel(bundle.fitted);
  const margin = model.margin(encoded.matrix);
  const churnProbability = applyCalibrator(manifest.calibrator, margin);
  const healthScore = healthScores(churnProbability);
  const tier = assignTiers(healthScore, manifest.tiers, churnProbability);
  let reasons: RowReasons[] | null = null;
  if (options.reasons ?? true) {
    const names = manifest.preprocessing.features.map((f) => f.name);
    reasons = explainRows({
      contributions: model.contributions(encoded.matrix),
      columnFeatures: Array.from(encoded.source, (f) => names[f]),
      rawValues: inputs.raw,
      dictionary: manifest.dictionary,
      topK: options.topK,
    });
  }
  return {
    customerId: Array.from(table.array('customer_id') as ArrayLike<unknown>, String),
    margin,
    churnProbability,
    healthScore,
    tier,
    reasons,
  };
}

export const reasonsCell = (r: RowReasons | undefined): string => (r === undefined ? '' : formatReasons(r));
