/**
 * The consistent pairwise matrix a_ij = w_i / w_j implied by positive weights (Saaty 1980, §2.1): how percentages,
 * and learned weights set beside the judges' matrix, become judgments. A zero weight has no finite ratio: it throws.
 * @example consistentMatrix([0.75, 0.25]).values // => Float64Array [1, 3, 1/3, 1]
 */
import type { PairwiseMatrix } from './pairwise-matrix.ts';

export function consistentMatrix(weights: ArrayLike<number>): PairwiseMatrix {
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] > 0) || !Number.isFinite(weights[i])) {
      throw new Error(`consistentMatrix: weight ${i} is ${weights[i]}; weights must be positive and finite`);
    }
  }
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = weights[i] / weights[j];
  return { n, values };
}
