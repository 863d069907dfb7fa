/**
 * The four parts a model run needs: train (fit the model), calibration (fit the calibrators on
 * rows the model never saw), validation (choose the calibrator and the model kind; GBDT early
 * stopping) and test (report the metrics, touched once).
 *
 * Snapshots over time use the temporal split: the latest cutoff is the test set, the one before
 * it validation, the one before that calibration, everything earlier training, so no held-out row
 * predates a training row. With only three cutoffs the validation cutoff is halved by customer.
 * Tabular files have no time, so they use a stratified random split (60/10/10/20, seeded).
 */
import type { ColumnTable } from 'arquero';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { temporalSplit } from '../features/temporal-split.ts';

export interface HoldoutSplits {
  train: ColumnTable;
  calibration: ColumnTable;
  validation: ColumnTable;
  test: ColumnTable;
  method: 'temporal' | 'stratified';
  /** For the temporal split: the cutoffs (epoch ms) of each part. */
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

export function temporalHoldouts(table: ColumnTable): HoldoutSplits | { problem: string } {
  const distinct = new Set(Array.from(table.array('cutoff') as ArrayLike<number>)).size;
  if (distinct >= 4) {
    const split = temporalSplit(table, { validationCutoffs: 2, testCutoffs: 1 });
    if ('problem' in split) return split;
    const [calibCutoff, validCutoff] = split.cutoffs.validation;
    const cut = split.validation.array('cutoff') as ArrayLike<number>;
    const rows = (c: number) => Array.from({ length: cut.length }, (_, i) => i).filter((i) => cut[i] === c);
    return {
      train: split.train,
      calibration: split.validation.reify(rows(calibCutoff)),
      validation: split.validation.reify(rows(validCutoff)),
      test: split.test,
      method: 'temporal',
      cutoffs: { train: split.cutoffs.train, calibration: [calibCutoff], validation: [validCutoff], test: split.cutoffs.test },
    };
  }
  const split = temporalSplit(table, { validationCutoffs: 1, testCutoffs: 1 });
  if ('problem' in split) return { problem: `${split.problem}; a model run needs at least 3 labelled cutoffs` };
  const ids = split.validation.array('customer_id') as ArrayLike<string>;
  const calib: number[] = [];
  const valid: number[] = [];
  for (let i = 0; i < ids.length; i++) (hashId(ids[i]) % 2 === 0 ? calib : valid).push(i);
  return {
    train: split.train,
    calibration: split.validation.reify(calib),
    validation: split.validation.reify(valid),
    test: split.test,
    method: 'temporal',
    cutoffs: { train: split.cutoffs.train, calibration: split.cutoffs.validation, validation: split.cutoffs.validation, test: split.cutoffs.test },
  };
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
  return { train: take(parts[0]), calibration: take(parts[1]), validation: take(parts[2]), test: take(parts[3]), method: 'stratified', cutoffs: null };
}
