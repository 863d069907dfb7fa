/**
 * Aggregation of individual judgments (AIJ): the judges' matrices combined cell by cell with the geometric mean,
 * the only mean that keeps the result reciprocal (Aczél & Saaty 1983, J. Math. Psychology 27:93–102). A cell some
 * judges left missing is averaged over the others; one nobody gave stays missing (Harker completion fills it).
 */
import type { PairwiseMatrix } from './pairwise-matrix.ts';

/**
 * Throws when the matrices differ in size (a bug: the config check sizes them first).
 * @example aggregateJudgments([m([[1, 2], [1/2, 1]]), m([[1, 8], [1/8, 1]])]) // a_12 = 4
 */
export function aggregateJudgments(matrices: readonly PairwiseMatrix[]): PairwiseMatrix {
  if (matrices.length === 0) throw new Error('aggregateJudgments: no matrices');
  const n = matrices[0].n;
  if (matrices.some((m) => m.n !== n)) throw new Error('aggregateJudgments: matrices differ in size');
  const values = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) {
    let logSum = 0;
    let count = 0;
    for (const m of matrices) {
      const v = m.values[k];
      if (!Number.isNaN(v)) {
        logSum += Math.log(v);
        count++;
      }
    }
    values[k] = count === 0 ? Number.NaN : Math.exp(logSum / count);
  }
  return { n, values };
}
