/**
 * Permutation importance (Breiman 2001; scikit-learn's `sklearn.inspection.permutation_importance`):
 * how much a quality metric drops when one column's values are shuffled across rows, which breaks
 * the column's link to the outcome while keeping its distribution. Model-agnostic: it only calls
 * `predict`.
 *
 *   importance_j = metric(baseline) − metric(column j shuffled), averaged over `repeats` shuffles
 *
 * (sign flipped for a metric where lower is better, so a positive importance always means "the
 * model relies on this column"). `std` is the population standard deviation over the repeats, as
 * sklearn reports it. Seeded Fisher–Yates shuffles (xoroshiro128+ from pure-rand).
 *
 * Cost: cols × repeats calls of `predict`, one copy of the matrix.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { z } from 'zod';
import type { Matrix } from '../learn/matrix.ts';

export const ColumnImportance = z.object({
  column: z.number().int().nonnegative(),
  name: z.string(),
  mean: z.number(),
  std: z.number(),
  values: z.array(z.number()),
});
export const PermutationImportance = z.object({
  metric: z.string(),
  baseline: z.number(),
  repeats: z.number().int().positive(),
  seed: z.number().int(),
  columns: z.array(ColumnImportance),
});
export type PermutationImportance = z.infer<typeof PermutationImportance>;

export interface PermutationOptions {
  repeats?: number;
  seed?: number;
  /** Name of the metric, recorded in the result (default "metric"). */
  metricName?: string;
  /** False for losses (log-loss, Brier); default true (ROC-AUC, average precision). */
  greaterIsBetter?: boolean;
  /** Column names for the result; default "column j". */
  names?: readonly string[];
}

export function permutationImportance(
  predict: (x: Matrix) => Float64Array,
  x: Matrix,
  y: ArrayLike<number>,
  metric: (scores: Float64Array, labels: ArrayLike<number>) => number,
  { repeats = 5, seed = 42, metricName = 'metric', greaterIsBetter = true, names }: PermutationOptions = {},
): PermutationImportance {
  if (y.length !== x.rows) throw new Error(`permutationImportance: ${x.rows} rows but ${y.length} labels`);
  if (names !== undefined && names.length !== x.cols) throw new Error(`permutationImportance: ${names.length} names for ${x.cols} columns`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('permutationImportance: repeats must be a positive integer');
  const sign = greaterIsBetter ? 1 : -1;
  const baseline = metric(predict(x), y);
  const work: Matrix = { rows: x.rows, cols: x.cols, data: Float64Array.from(x.data) };
  const column = new Float64Array(x.rows);
  const rng = xoroshiro128plus(seed);
  const columns = [];
  for (let j = 0; j < x.cols; j++) {
    for (let i = 0; i < x.rows; i++) column[i] = x.data[i * x.cols + j];
    const values: number[] = [];
    for (let r = 0; r < repeats; r++) {
      shuffleInPlace(column, rng);
      for (let i = 0; i < x.rows; i++) work.data[i * x.cols + j] = column[i];
      values.push(sign * (baseline - metric(predict(work), y)));
    }
    // Put the column back so the next column is permuted against intact data.
    for (let i = 0; i < x.rows; i++) work.data[i * x.cols + j] = x.data[i * x.cols + j];
    const mean = values.reduce((a, b) => a + b, 0) / repeats;
    const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / repeats);
    columns.push({ column: j, name: names?.[j] ?? `column ${j}`, mean, std, values });
  }
  return { metric: metricName, baseline, repeats, seed, columns };
}

function shuffleInPlace(a: Float64Array, rng: ReturnType<typeof xoroshiro128plus>): void {
  for (let i = a.length - 1; i > 0; i--) {
    const k = uniformInt(rng, 0, i);
    const t = a[i];
    a[i] = a[k];
    a[k] = t;
  }
}
