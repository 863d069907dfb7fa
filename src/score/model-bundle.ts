/**
 * A model bundle: everything needed to score a feature table (inputs, preprocessing, model, calibrator,
 * dictionary, tiers) plus what a reader of a saved model needs (horizon, churn definition, cutoffs, metrics).
 * Its schema is the saved `manifest.json`, so what is saved and what is scored cannot drift.
 */
import { z } from 'zod';
import { CalibratorSpec } from '../calibrate/calibrator.ts';
import { ChurnDefinition } from '../features/churn-definition.ts';
import { FeatureDictionary } from '../features/dictionary.ts';
import { FeatureSpec } from '../features/spec.ts';
import { DriftReference } from './drift.ts';
import { TierConfig } from './tiers.ts';
import { ManifestBase } from '../learn/artifacts/manifest-base.ts';
import { fromSpec } from '../learn/gbdt/index.ts';
import { logisticModel } from '../learn/logistic/logistic-model.ts';
import type { ChurnModel } from '../learn/model.ts';
import type { FittedSpec } from '../learn/train-churn-model.ts';

export const ModelFacts = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore'),
  version: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore'),
  inputs: z.object({ features: z.array(z.string()).min(1), categorical: z.array(z.string()) }),
  dictionary: FeatureDictionary,
  calibrator: CalibratorSpec,
  calibration: z.object({
    chosen: z.enum(['platt', 'isotonic']),
    validationLogLoss: z.object({ platt: z.number(), isotonic: z.number(), uncalibrated: z.number() }),
  }),
  tiers: TierConfig,
  /** Null in tabular mode, where the label has no horizon the pipeline knows of. */
  horizonDays: z.number().int().positive().nullable(),
  /** The feature spec the inputs were computed with (null in tabular mode): scoring recomputes them with it. */
  featureSpec: FeatureSpec.nullable(),
  churn: ChurnDefinition.nullable(),
  split: z.object({
    method: z.enum(['temporal', 'stratified']),
    /** Seed of the stratified split; later stages re-derive the same parts from it. */
    seed: z.number().int().nullable(),
    cutoffs: z
      .object({ train: z.array(z.string()), calibration: z.array(z.string()), validation: z.array(z.string()), test: z.array(z.string()) })
      .nullable(),
    rows: z.object({ train: z.number().int(), calibration: z.number().int(), validation: z.number().int(), test: z.number().int() }),
  }),
  /** sha256 of the feature table the model was trained from. */
  trainingDataSha256: z.string(),
  metrics: z.object({
    validationLogLoss: z.number(),
    testRocAuc: z.number().nullable(),
    testBrier: z.number().nullable(),
  }),
  /** Binned training distribution of each input, for drift checks (PSI) at scoring time. */
  drift: DriftReference,
});
export type ModelFacts = z.infer<typeof ModelFacts>;

export const ModelManifest = ManifestBase.extend(ModelFacts.shape);
export type ModelManifest = z.infer<typeof ModelManifest>;

export interface ModelBundle {
  manifest: ModelManifest;
  fitted: FittedSpec;
}

/** The runnable model of a bundle. */
export function bundleModel(fitted: FittedSpec): ChurnModel {
  if (fitted.kind === 'logistic') return logisticModel(fitted.spec);
  const loaded = fromSpec(fitted.spec);
  if (!loaded.ok) throw new Error(`GBDT spec does not load: ${loaded.problem}`);
  return loaded.model;
}
