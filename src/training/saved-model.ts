/**
 * A saved model bundle seen through the pipeline's types (`TrainedModel`, `Candidate`, split facts,
 * training checksum), so the stage commands reuse `healthscore run`'s functions on a model from disk.
 */
import type { ColumnTable } from 'arquero';
import { createHash } from 'node:crypto';
import { applyCalibrator } from '../calibrate/calibrator.ts';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';
import { logLoss } from '../evaluate/log-loss.ts';
import { formatIsoDay } from '../data/iso-date.ts';
import type { HoldoutSplits } from '../learn/holdout-splits.ts';
import { bundleModel } from '../score/model-bundle.ts';
import type { ModelBundle, ModelFacts } from '../score/model-bundle.ts';
import { rawInputs } from '../learn/model-inputs.ts';
import type { TrainedModel } from '../learn/train-churn-model.ts';
import { labelledParts, partMargins } from './fit-candidates.ts';
import type { Candidate, PartScores, Parts } from './fit-candidates.ts';

export function trainedFromBundle(bundle: ModelBundle): TrainedModel {
  return {
    kind: bundle.manifest.modelKind,
    preprocessor: bundle.manifest.preprocessing,
    fitted: bundle.fitted,
    model: bundleModel(bundle.fitted),
    iterations: 0,
  };
}

/** The parts of `splits` in the model's inputs; refuses (exit 4) a feature table lacking one. */
export function partsForModel(bundle: ModelBundle, modelDir: string, splits: HoldoutSplits, source: string): Parts {
  const check = rawInputs(splits.test, bundle.manifest.inputs);
  if ('problem' in check) {
    throw new UserError(`the model at ${modelDir} does not fit the features in ${source}: ${check.problem}`, ExitCode.modelMismatch);
  }
  const parts = labelledParts(splits, bundle.manifest.inputs);
  if ('problem' in parts) throw new UserError(`${source}: ${parts.problem}`);
  return parts;
}

/** The saved model as a pipeline candidate: its manifest's calibrator applied to validation and test. */
export function candidateFromBundle(bundle: ModelBundle, parts: Parts): Candidate {
  const trained = trainedFromBundle(bundle);
  const { manifest } = bundle;
  const scored = (part: Parts[keyof Parts]): PartScores => {
    const m = partMargins(trained, part);
    return { labels: part.labels, ...m, probabilities: applyCalibrator(manifest.calibrator, m.margins) };
  };
  const validation = scored(parts.validation);
  return {
    kind: manifest.modelKind,
    trained,
    calibration: {
      chosen: manifest.calibration.chosen,
      calibrator: manifest.calibrator,
      validationLogLoss: manifest.calibration.validationLogLoss,
      calibrationRows: Math.max(1, manifest.split.rows.calibration),
      validationRows: Math.max(1, manifest.split.rows.validation),
    },
    validationLogLoss: logLoss(validation.probabilities, validation.labels),
    validation,
    test: scored(parts.test),
    trainSeconds: 0,
  };
}

/** The `split` facts of a manifest: method, cutoffs as ISO dates, rows per part. */
export function splitFacts(splits: HoldoutSplits, parts: Parts): ModelFacts['split'] {
  const dates = (ms: readonly number[]) => ms.map(formatIsoDay);
  return {
    method: splits.method,
    seed: splits.seed,
    cutoffs:
      splits.cutoffs === null
        ? null
        : {
            train: dates(splits.cutoffs.train),
            calibration: dates(splits.cutoffs.calibration),
            validation: dates(splits.cutoffs.validation),
            test: dates(splits.cutoffs.test),
          },
    rows: {
      train: parts.train.labels.length,
      calibration: parts.calibration.labels.length,
      validation: parts.validation.labels.length,
      test: parts.test.labels.length,
    },
  };
}

/** sha256 over a table's column names and values: a manifest's `trainingDataSha256`, one definition for all. */
export function tableSha256(table: ColumnTable): string {
  const hash = createHash('sha256');
  for (const name of table.columnNames()) {
    hash.update(name);
    hash.update(JSON.stringify(Array.from(table.array(name) as ArrayLike<unknown>)));
  }
  return hash.digest('hex');
}

/** `20261123T101500Z`: the default version name, sortable and valid in a path. */
export const versionAt = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Refuses (exit 4) parts that overlap the model's training rows: a tabular training part must be the
 * model's own (same file and seed), a test cutoff must come after every training cutoff.
 */
export function checkHeldOut(bundle: ModelBundle, splits: HoldoutSplits, modelDir: string, source: string): void {
  const { split } = bundle.manifest;
  if (splits.method === 'stratified') {
    if (tableSha256(splits.train) !== bundle.manifest.trainingDataSha256) {
      throw new UserError(
        `${source}: its training part is not the one ${modelDir} was trained on (another file or --seed-split), so its test part may hold training rows`,
        ExitCode.modelMismatch,
      );
    }
    return;
  }
  const lastTrain = split.cutoffs?.train.at(-1);
  const firstTest = splits.cutoffs?.test[0];
  if (lastTrain !== undefined && firstTest !== undefined && formatIsoDay(firstTest) <= lastTrain) {
    throw new UserError(`${source}: its test cutoff ${formatIsoDay(firstTest)} is not after ${modelDir}'s last training cutoff ${lastTrain}`, ExitCode.modelMismatch);
  }
}
