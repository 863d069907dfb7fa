/**
 * The perfectly consistent pairwise matrix implied by a weight vector: a_ij = w_i / w_j
 * (Saaty 1980, "The Analytic Hierarchy Process", §2.1). Direct percentage weights become
 * judgments this way, and so do learned weights when they are set beside the judges' matrix.
 * Weights must be positive: a zero weight has no finite ratio to the others.
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
