/**
 * λmax estimated from a matrix and its weights as the mean of (Aw)_i / w_i (Saaty 1980, §2.2): exact when w is the
 * principal eigenvector, the usual estimate for other weights (the geometric mean).
 * @example lambdaMax(pairwiseMatrix([[1, 2], [0.5, 1]]), [2 / 3, 1 / 3]) // => 2
 */
import type { PairwiseMatrix } from './pairwise-matrix.ts';

export function lambdaMax(m: PairwiseMatrix, weights: ArrayLike<number>): number {
  const { n, values } = m;
  let s = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += values[i * n + j] * weights[j];
    s += row / weights[i];
  }
  return s / n;
}
