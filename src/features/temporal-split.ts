/**
 * Temporal split of a stacked feature set: the latest `testCutoffs` cutoffs are the test set, the
 * `validationCutoffs` before them validation, all earlier cutoffs training — so no validation or
 * test row predates a training row, and a model is always judged on a future it has not seen
 * (the "out-of-time" validation of credit scoring; Siddiqi 2006, ch. 6).
 */
import type { ColumnTable } from 'arquero';
import { z } from 'zod';

export const SplitOptions = z.object({
  validationCutoffs: z.number().int().nonnegative().default(1),
  testCutoffs: z.number().int().positive().default(1),
});
export type SplitOptions = z.input<typeof SplitOptions>;

export interface TemporalSplit {
  train: ColumnTable;
  validation: ColumnTable;
  test: ColumnTable;
  /** Cutoffs (epoch ms) of each part, ascending. */
  cutoffs: { train: number[]; validation: number[]; test: number[] };
}

/** Returns a problem message when there are too few cutoffs to leave at least one for training. */
export function temporalSplit(table: ColumnTable, options: SplitOptions = {}): TemporalSplit | { problem: string } {
  const { validationCutoffs, testCutoffs } = SplitOptions.parse(options);
  const cutoff = table.array('cutoff') as ArrayLike<number>;
  const distinct = [...new Set(Array.from(cutoff))].sort((a, b) => a - b);
  const needed = validationCutoffs + testCutoffs + 1;
  if (distinct.length < needed) {
    return { problem: `a temporal split needs at least ${needed} cutoffs, the feature set has ${distinct.length}` };
  }
  const testFrom = distinct[distinct.length - testCutoffs];
  const validationFrom = distinct[distinct.length - testCutoffs - validationCutoffs];
  const part = (lo: number, hi: number) => {
    const rows: number[] = [];
    for (let i = 0; i < cutoff.length; i++) if (cutoff[i] >= lo && cutoff[i] < hi) rows.push(i);
    return table.reify(rows);
  };
  return {
    train: part(-Infinity, validationFrom),
    validation: part(validationFrom, testFrom),
    test: part(testFrom, Infinity),
    cutoffs: {
      train: distinct.filter((c) => c < validationFrom),
      validation: distinct.filter((c) => c >= validationFrom && c < testFrom),
      test: distinct.filter((c) => c >= testFrom),
    },
  };
}
