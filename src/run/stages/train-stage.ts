/**
 * `healthscore train`: one model kind fitted, calibrated and judged on a feature folder's parts with the same
 * `trainChurnModel` as `healthscore run`, so it equals the run's candidate of that kind on the same rows, and saved
 * as a new immutable version `MODELS/NAME/VERSION/`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../diagnostics/user-error.ts';
import type { Log } from '../../diagnostics/log.ts';
import { rocAuc } from '../../evaluate/roc-auc.ts';
import { versionDir } from '../../score/bundle-artifact.ts';
import { ModelFacts, type ModelManifest } from '../../score/model-bundle.ts';
import { TierConfig, DEFAULT_TIER_CONFIG } from '../../score/tiers.ts';
import { DEFAULT_FEATURE_SPEC } from '../../features/default-spec.ts';
import type { Candidate } from '../../training/fit-candidates.ts';
import { readLabelledFeatures } from './labelled-features.ts';
import { versionAt } from '../../training/saved-model.ts';
import { stratifiedSplit, temporalSplit } from '../../api/split.ts';
import type { LabelledSnapshots } from '../../api/snapshots.ts';
import { trainChurnModel } from '../../api/train.ts';

export const TrainStageOptions = z.object({
  /** A feature-set folder (`healthscore features`) or a tabular ingest folder (`healthscore ingest --tabular`). */
  features: z.string().min(1),
  model: z.enum(['logistic', 'gbdt']),
  monotone: z.boolean().default(false),
  modelsDir: z.string().default('models'),
  name: ModelFacts.shape.name.default('churn'),
  /** Default: the start time, e.g. 20261123T101500Z. */
  version: ModelFacts.shape.version.optional(),
  tiers: TierConfig.default(DEFAULT_TIER_CONFIG),
  /** Seed of the stratified split in tabular mode (the temporal split has none). */
  seedSplit: z.number().int().nonnegative().default(0),
});
export type TrainStageOptions = z.input<typeof TrainStageOptions>;

export interface TrainStageResult {
  modelDir: string;
  manifest: ModelManifest;
  candidate: Candidate;
  testRocAuc: number;
}

export async function runTrainStage(input: TrainStageOptions, log: Log): Promise<TrainStageResult> {
  const o = TrainStageOptions.parse(input);
  const version = o.version ?? versionAt(new Date());
  const modelDir = resolve(versionDir(o.modelsDir, o.name, version));
  // Checked before training too (saving refuses it again), so a taken version costs no fit.
  if (existsSync(modelDir)) throw new UserError(`model version directory ${modelDir} already exists; choose a new version`);
  const features = await readLabelledFeatures(o.features, { seed: o.seedSplit });
  const snapshots: LabelledSnapshots = {
    kind: features.mode === 'events' ? 'temporal' : 'tabular',
    table: features.table,
    dictionary: features.dictionary,
    summary: null,
    horizonDays: features.horizonDays,
    churn: features.churn,
    // A feature folder does not record the spec it was built with; the built-in one is what
    // `healthscore features` uses unless given --spec (then train from `healthscore run` instead).
    featureSpec: features.mode === 'events' ? DEFAULT_FEATURE_SPEC : null,
    source: o.features,
  };
  const split = snapshots.kind === 'temporal' ? temporalSplit(snapshots) : stratifiedSplit(snapshots, { seed: o.seedSplit });
  log.info(`training ${o.model} on ${split.train.labels.length} rows (${split.holdouts.method} split of ${o.features})…`);
  const model = await trainChurnModel(split, { model: o.model, monotone: o.monotone, tiers: o.tiers, name: o.name, version });
  const candidate = (model.trainedCandidates() as { chosen: Candidate }).chosen;
  const testRocAuc = rocAuc(candidate.test.probabilities, candidate.test.labels);
  const manifest = await model.save(modelDir);
  log.info(
    `${o.model}: trained in ${candidate.trainSeconds.toFixed(1)} s, calibrated with ${candidate.calibration.chosen}, validation log-loss ${candidate.validationLogLoss.toFixed(4)}, test ROC-AUC ${testRocAuc.toFixed(4)}`,
  );
  log.info(`model saved to ${modelDir}`);
  return { modelDir, manifest, candidate, testRocAuc };
}
