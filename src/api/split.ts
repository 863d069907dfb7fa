/**
 * Splitting labelled snapshots into the four parts a model run needs — train, calibration,
 * validation, test — with the same rules as `healthscore run` (learn/holdout-splits.ts): in time
 * with purged horizons for snapshots at cutoffs, stratified at random for tabular data.
 */
import type { ColumnTable } from 'arquero';
import { z } from 'zod';
import { UserError } from '../diagnostics/user-error.ts';
import { describeTestSplit, stratifiedHoldouts, temporalHoldouts, type HoldoutSplits } from '../learn/holdout-splits.ts';
import { modelInputs, type ModelInputs } from '../learn/model-inputs.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';
import { labelledParts } from '../training/fit-candidates.ts';
import { parseArgument } from './argument.ts';
import type { LabelledSnapshots } from './snapshots.ts';

/**
 * One part of a split: its rows (`table`), the model's input columns (`raw`), the 0/1 labels, and
 * a description for reports.
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, temporalSplit, type SplitPart } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const test: SplitPart = temporalSplit(buildFeatures(data)).test;
 * console.log(test.labels.length === test.table.numRows()); // => true
 * ```
 */
export interface SplitPart {
  table: ColumnTable;
  raw: RawTable;
  labels: Uint8Array;
  description: string;
}

/**
 * The four parts of a split, with the snapshots they come from and the model inputs (every
 * feature of the dictionary except keys, the label and population-relative RFM quintiles).
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, temporalSplit, type ModelSplit } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const split: ModelSplit = temporalSplit(buildFeatures(data));
 * console.log(split.holdouts.method, split.train.labels.length > split.test.labels.length); // => temporal true
 * ```
 */
export interface ModelSplit {
  snapshots: LabelledSnapshots;
  holdouts: HoldoutSplits;
  inputs: ModelInputs;
  train: SplitPart;
  calibration: SplitPart;
  validation: SplitPart;
  test: SplitPart;
}

/**
 * The temporal split: the latest cutoff is the test part; validation is the latest cutoff whose
 * labels end by the test cutoff, calibration the cutoff before it, and training every cutoff whose
 * labels end by the calibration cutoff, so no label used for fitting, calibrating or choosing runs
 * into the test horizon. With too few cutoffs for a calibration cutoff of its own, the validation
 * cutoff is halved by customer.
 *
 * @throws UserError when there are too few cutoffs, or a part is empty or has one class only.
 * @example
 * ```ts
 * import { buildFeatures, monthlyCutoffs, readCustomerData, temporalSplit } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const split = temporalSplit(buildFeatures(data, { cutoffs: monthlyCutoffs('2023-11-01', '2024-10-01'), horizonDays: 90 }));
 * console.log(split.test.description); // => temporal test split, cutoff 2024-10-01
 * ```
 */
export function temporalSplit(snapshots: LabelledSnapshots): ModelSplit {
  if (snapshots.kind !== 'temporal') throw new UserError(`cannot split ${snapshots.source} in time: its rows have no cutoffs (tabular mode); use stratifiedSplit`);
  const holdouts = temporalHoldouts(snapshots.table, snapshots.horizonDays);
  if ('problem' in holdouts) throw new UserError(`cannot split ${snapshots.source} in time: ${holdouts.problem}`);
  return modelSplit(snapshots, holdouts);
}

/**
 * The stratified random split of tabular rows, 60/10/10/20 (train/calibration/validation/test),
 * each part with the same churn rate up to rounding; the same `seed` gives the same parts.
 *
 * @throws UserError when a part is empty or has one class only.
 * @example
 * ```ts
 * import { readTabularData, stratifiedSplit } from 'healthscore';
 * const rows = await readTabularData('data/tabular/sample.csv', 'data/tabular/sample.json');
 * const split = stratifiedSplit(rows, { seed: 7 });
 * console.log(split.holdouts.seed, split.test.description); // => 7 stratified 20% test split
 * ```
 */
export function stratifiedSplit(snapshots: LabelledSnapshots, options: { seed?: number } = {}): ModelSplit {
  const { seed } = parseArgument('stratifiedSplit', 'options', z.strictObject({ seed: z.number().int().nonnegative().default(0) }), options);
  return modelSplit(snapshots, stratifiedHoldouts(snapshots.table, seed));
}

function modelSplit(snapshots: LabelledSnapshots, holdouts: HoldoutSplits): ModelSplit {
  const inputs = modelInputs(snapshots.dictionary);
  const parts = labelledParts(holdouts, inputs);
  if ('problem' in parts) throw new UserError(`cannot train on ${snapshots.source}: ${parts.problem}`);
  const part = (name: 'train' | 'calibration' | 'validation' | 'test'): SplitPart => ({
    table: holdouts[name],
    ...parts[name],
    description: name === 'test' ? describeTestSplit(holdouts) : `${holdouts.method} ${name} part`,
  });
  return { snapshots, holdouts, inputs, train: part('train'), calibration: part('calibration'), validation: part('validation'), test: part('test') };
}
