/**
 * `healthscore calibrate`: refits a saved model's calibrator on the calibration part of a feature folder (Platt
 * and isotonic, the lower validation log-loss kept, as in training) and saves it as a NEW version: saved versions
 * are immutable, so scores already given out stay reproducible. The manifest keeps the model's training facts.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../diagnostics/user-error.ts';
import type { Log } from '../../diagnostics/log.ts';
import { applyCalibrator } from '../../calibrate/calibrator.ts';
import { chooseCalibrator, type CalibratorChoice } from '../../calibrate/choose-calibrator.ts';
import { brierScore } from '../../evaluate/brier-score.ts';
import { logLoss } from '../../evaluate/log-loss.ts';
import { rocAuc } from '../../evaluate/roc-auc.ts';
import { loadModelBundle, saveModelBundle } from '../../score/bundle-artifact.ts';
import { ModelFacts, type ModelManifest } from '../../score/model-bundle.ts';
import { readLabelledFeatures } from './labelled-features.ts';
import { partMargins } from '../../training/fit-candidates.ts';
import { partsForModel, tableSha256, trainedFromBundle, versionAt } from '../../training/saved-model.ts';

export const CalibrateStageOptions = z.object({
  /** A saved version directory, e.g. models/churn/20261123T101500Z. */
  model: z.string().min(1),
  features: z.string().min(1),
  /** Name of the new version (default: the start time); saved beside the given one. */
  version: ModelFacts.shape.version.optional(),
  /** Default: the seed the model's split was made with. */
  seedSplit: z.number().int().nonnegative().optional(),
});
export type CalibrateStageOptions = z.input<typeof CalibrateStageOptions>;

export interface CalibrateStageResult {
  modelDir: string;
  manifest: ModelManifest;
  choice: CalibratorChoice;
  /** Validation log-loss of the model's previous calibrator on the same rows, for comparison. */
  previousLogLoss: number;
}

export async function runCalibrateStage(input: CalibrateStageOptions, log: Log): Promise<CalibrateStageResult> {
  const o = CalibrateStageOptions.parse(input);
  const started = new Date();
  const bundle = await loadModelBundle(o.model);
  const version = o.version ?? versionAt(started);
  const modelDir = resolve(dirname(resolve(o.model)), version);
  if (existsSync(modelDir)) throw new UserError(`model version directory ${modelDir} already exists; choose a new version`);
  const features = await readLabelledFeatures(o.features, { seed: o.seedSplit ?? bundle.manifest.split.seed ?? 0 });
  const parts = partsForModel(bundle, o.model, features.splits, o.features);
  if (tableSha256(features.splits.train) !== bundle.manifest.trainingDataSha256) {
    log.warn(`${o.features} is not the feature set ${o.model} was trained on: make sure its calibration cutoff is later than the model's training rows`);
  }
  const trained = trainedFromBundle(bundle);
  const calib = partMargins(trained, parts.calibration);
  const valid = partMargins(trained, parts.validation);
  const test = partMargins(trained, parts.test);
  const choice = chooseCalibrator({ margins: calib.margins, labels: parts.calibration.labels }, { margins: valid.margins, labels: parts.validation.labels });
  const previousLogLoss = logLoss(applyCalibrator(bundle.manifest.calibrator, valid.margins), parts.validation.labels);
  const validationProbabilities = applyCalibrator(choice.calibrator, valid.margins);
  const testProbabilities = applyCalibrator(choice.calibrator, test.margins);
  const facts = ModelFacts.parse({
    ...bundle.manifest,
    version,
    calibrator: choice.calibrator,
    calibration: { chosen: choice.chosen, validationLogLoss: choice.validationLogLoss },
    metrics: {
      validationLogLoss: logLoss(validationProbabilities, parts.validation.labels),
      testRocAuc: rocAuc(testProbabilities, parts.test.labels),
      testBrier: brierScore(testProbabilities, parts.test.labels),
    },
  });
  const manifest = await saveModelBundle(modelDir, trained, facts, started);
  const l = choice.validationLogLoss;
  log.info(
    `validation log-loss: platt ${l.platt.toFixed(4)}, isotonic ${l.isotonic.toFixed(4)}, uncalibrated ${l.uncalibrated.toFixed(4)}, previous calibrator ${previousLogLoss.toFixed(4)}; kept ${choice.chosen}`,
  );
  log.info(`recalibrated model saved to ${modelDir}`);
  return { modelDir, manifest, choice, previousLogLoss };
}
