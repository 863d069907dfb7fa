/**
 * Priority weights by the row geometric mean, summing to 1: the logarithmic least-squares solution (Crawford &
 * Williams 1985, J. Math. Psychology 29:387–405). Equal to the eigenvector for a consistent matrix; the two differ
 * slightly with inconsistent judgments, which is why both are reported.
 * @example geometricMeanWeights(pairwiseMatrix([[1, 4], [1 / 4, 1]])) // => [0.8, 0.2]
 */
import type { PairwiseMatrix } from './pairwise-matrix.ts';

export function geometricMeanWeights(m: PairwiseMatrix): Float64Array {
  const { n, values } = m;
  if (values.some((v) => !(v > 0))) throw new Error('geometricMeanWeights: the matrix has a missing or non-positive entry');
  const w = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    // Mean of logs rather than a product of n numbers, which can overflow for n = 15 and 9s.
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.log(values[i * n + j]);
    w[i] = Math.exp(s / n);
    total += w[i];
  }
  for (let i = 0; i < n; i++) w[i] /= total;
  return w;
}
