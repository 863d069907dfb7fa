/**
 * The four parts of a model run: train, calibration (rows the model never saw), validation (choose the
 * calibrator and model kind; early stopping) and test (touched once). Snapshots split by time, latest
 * cutoff last, so no held-out row predates a training row; tabular files split stratified (60/10/10/20).
 */
import type { ColumnTable } from 'arquero';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DAY_MS } from '../data/contract.ts';
import { formatIsoDay } from '../data/iso-date.ts';

export interface HoldoutSplits {
  train: ColumnTable;
  calibration: ColumnTable;
  validation: ColumnTable;
  test: ColumnTable;
  method: 'temporal' | 'stratified';
  /** Null for the temporal split. */
  seed: number | null;
  /** The temporal split's cutoffs (epoch ms) of each part. */
  cutoffs: { train: number[]; calibration: number[]; validation: number[]; test: number[] } | null;
}

/** FNV-1a hash of a customer id: a stable way to halve a cutoff by customer. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The temporal split. With `horizonDays` H, labels that overlap a later part are purged (a label at c
 * looks at [c, c + H)): held-out cutoffs' labels end by the test cutoff, training's by the calibration
 * cutoff, else a churn just after the test cutoff would be a training positive and flatter the test.
 * With too few cutoffs for a calibration cutoff of its own, the validation cutoff is halved by customer.
 */
export function temporalHoldouts(table: ColumnTable, horizonDays: number | null = null): HoldoutSplits | { problem: string } {
  const cut = table.array('cutoff') as ArrayLike<number>;
  const cutoffs = [...new Set(Array.from(cut))].sort((a, b) => a - b);
  const horizon = (horizonDays ?? 0) * DAY_MS;
  const rowsAt = (keep: (c: number) => boolean): number[] => {
    const rows: number[] = [];
    for (let i = 0; i < cut.length; i++) if (keep(cut[i])) rows.push(i);
    return rows;
  };
  const need = (what: string) => ({
    problem:
      `a model run needs at least 3 labelled cutoffs, spaced so that ${what}` +
      (horizonDays === null ? '' : ` (labels look ${horizonDays} days ahead)`) +
      `; the feature set has ${cutoffs.length}: give more cutoffs or a shorter horizon`,
  });
  if (cutoffs.length < 3) return need('training, validation and test each get one');
  const test = cutoffs[cutoffs.length - 1];
  const heldOut = cutoffs.filter((c) => c < test && c + horizon <= test);
  if (heldOut.length === 0) return need('the labels of a validation cutoff end by the test cutoff');
  const validation = heldOut[heldOut.length - 1];
  const before = cutoffs.filter((c) => c < validation);
  const calibration = before.length > 0 ? before[before.length - 1] : null;
  const parts = (train: number[], calibRows: number[], validRows: number[], calibCutoff: number): HoldoutSplits => ({
    train: table.reify(rowsAt((c) => train.includes(c))),
    calibration: table.reify(calibRows),
    validation: table.reify(validRows),
    test: table.reify(rowsAt((c) => c === test)),
    method: 'temporal',
    seed: null,
    cutoffs: { train, calibration: [calibCutoff], validation: [validation], test: [test] },
  });
  const trainEnd = calibration ?? validation;
  const train = cutoffs.filter((c) => c < trainEnd && c + horizon <= trainEnd);
  if (calibration !== null && train.length > 0) {
    return parts(train, rowsAt((c) => c === calibration), rowsAt((c) => c === validation), calibration);
  }
  // Too few cutoffs for a calibration cutoff of its own: halve the validation cutoff by customer.
  const trainHalved = cutoffs.filter((c) => c < validation && c + horizon <= validation);
  if (trainHalved.length === 0) return need('training labels end by the validation cutoff');
  const vRows = rowsAt((c) => c === validation);
  const ids = table.array('customer_id') as ArrayLike<string>;
  const calib: number[] = [];
  const valid: number[] = [];
  for (const i of vRows) (hashId(ids[i]) % 2 === 0 ? calib : valid).push(i);
  return parts(trainHalved, calib, valid, validation);
}

/** Stratified by label: each part gets the same churn rate up to rounding. */
export function stratifiedHoldouts(table: ColumnTable, seed = 0): HoldoutSplits {
  const label = table.array('label') as ArrayLike<number>;
  const rng = xoroshiro128plus(seed);
  const parts: number[][] = [[], [], [], []];
  const shares = [0.6, 0.1, 0.1, 0.2];
  for (const cls of [0, 1]) {
    const rows = Array.from({ length: label.length }, (_, i) => i).filter((i) => label[i] === cls);
    // Fisher–Yates with a seeded generator, so the split is reproducible.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    let start = 0;
    shares.forEach((share, k) => {
      const end = k === shares.length - 1 ? rows.length : start + Math.round(share * rows.length);
      parts[k].push(...rows.slice(start, end));
      start = end;
    });
  }
  const take = (rows: number[]) => table.reify(rows.sort((a, b) => a - b));
  return { train: take(parts[0]), calibration: take(parts[1]), validation: take(parts[2]), test: take(parts[3]), method: 'stratified', seed, cutoffs: null };
}

/** How the test part was chosen, in words for metrics.json and the evaluation printout. */
export function describeTestSplit(splits: HoldoutSplits): string {
  if (splits.cutoffs === null) return 'stratified 20% test split';
  return `temporal test split, cutoff ${splits.cutoffs.test.map(formatIsoDay).join(', ')}`;
}
