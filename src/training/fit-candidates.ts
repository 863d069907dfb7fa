/**
 * Trains a candidate model on the training part, calibrates it on the calibration part and scores
 * validation and test; the lowest calibrated validation log-loss wins, the test part only reports.
 */
import type { ColumnTable } from 'arquero';
import { applyCalibrator } from '../calibrate/calibrator.ts';
import { chooseCalibrator } from '../calibrate/choose-calibrator.ts';
import type { CalibratorChoice } from '../calibrate/choose-calibrator.ts';
import { logLoss } from '../evaluate/log-loss.ts';
import type { FeatureDictionary } from '../features/dictionary.ts';
import type { HoldoutSplits } from '../learn/holdout-splits.ts';
import { labelsOf, rawInputs } from '../learn/model-inputs.ts';
import type { ModelInputs } from '../learn/model-inputs.ts';
import type { ModelKind } from '../learn/model.ts';
import { transform } from '../learn/preprocess/transform.ts';
import { fitChurnModel } from '../learn/train-churn-model.ts';
import type { LabelledPart, TrainOptions, TrainedModel } from '../learn/train-churn-model.ts';
import type { Matrix } from '../learn/matrix.ts';

export interface PartScores {
  labels: Uint8Array;
  matrix: Matrix;
  margins: Float64Array;
  probabilities: Float64Array;
}

export interface Candidate {
  kind: ModelKind;
  trained: TrainedModel;
  calibration: CalibratorChoice;
  /** Log-loss of the calibrated probabilities on the validation part: the selection criterion. */
  validationLogLoss: number;
  validation: PartScores;
  test: PartScores;
  trainSeconds: number;
}

export interface Parts {
  train: LabelledPart;
  calibration: LabelledPart;
  validation: LabelledPart;
  test: LabelledPart;
}

function part(table: ColumnTable, inputs: ModelInputs, name: string): LabelledPart | { problem: string } {
  const raw = rawInputs(table, inputs);
  if ('problem' in raw) return { problem: `${name} part: ${raw.problem}` };
  const labels = labelsOf(table);
  if ('problem' in labels) return { problem: `${name} part: ${labels.problem}` };
  return { raw: raw.raw, labels: labels.labels };
}

/** The labelled parts of a split; a problem message when a part lacks inputs or has bad labels. */
export function labelledParts(splits: HoldoutSplits, inputs: ModelInputs): Parts | { problem: string } {
  const out: Partial<Parts> = {};
  for (const name of ['train', 'calibration', 'validation', 'test'] as const) {
    const p = part(splits[name], inputs, name);
    if ('problem' in p) return p;
    const positives = p.labels.reduce((s, v) => s + v, 0);
    if (p.labels.length === 0) return { problem: `the ${name} part is empty` };
    if (positives === 0 || positives === p.labels.length) {
      return { problem: `the ${name} part (${p.labels.length} rows) has only one class; churn rate ${positives === 0 ? 0 : 1}` };
    }
    out[name] = p;
  }
  return out as Parts;
}

/** Model margins of one part, before calibration. */
export function partMargins(trained: TrainedModel, part: LabelledPart): { matrix: Matrix; margins: Float64Array } {
  const matrix = transform(trained.preprocessor, part.raw).matrix;
  return { matrix, margins: trained.model.margin(matrix) };
}

export async function fitCandidate(
  kind: ModelKind,
  parts: Parts,
  inputs: ModelInputs,
  dictionary: FeatureDictionary,
  options: TrainOptions,
): Promise<Candidate> {
  const started = performance.now();
  const trained = await fitChurnModel(kind, inputs, dictionary, parts.train, parts.validation, options);
  const trainSeconds = (performance.now() - started) / 1000;
  const calib = partMargins(trained, parts.calibration);
  const valid = partMargins(trained, parts.validation);
  const test = partMargins(trained, parts.test);
  const calibration = chooseCalibrator(
    { margins: calib.margins, labels: parts.calibration.labels },
    { margins: valid.margins, labels: parts.validation.labels },
  );
  const scored = (s: { matrix: Matrix; margins: Float64Array }, labels: Uint8Array): PartScores => ({
    labels,
    ...s,
    probabilities: applyCalibrator(calibration.calibrator, s.margins),
  });
  const validation = scored(valid, parts.validation.labels);
  return {
    kind,
    trained,
    calibration,
    validationLogLoss: logLoss(validation.probabilities, validation.labels),
    validation,
    test: scored(test, parts.test.labels),
    trainSeconds,
  };
}

/** The candidate with the lowest calibrated validation log-loss (ties keep the first, the simpler). */
export function bestCandidate(candidates: readonly Candidate[]): Candidate {
  if (candidates.length === 0) throw new Error('bestCandidate: no candidates');
  return candidates.reduce((best, c) => (c.validationLogLoss < best.validationLogLoss ? c : best));
}
