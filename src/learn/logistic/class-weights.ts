/**
 * Per-row weights from class weights. `balanced` is scikit-learn's
 * `compute_class_weight("balanced")`: w_c = n / (2 · n_c), so each class carries half the total weight.
 *
 * @example
 * classWeightsPerRow(new Float64Array([0, 0, 0, 1]), 'balanced') // => [0.667, 0.667, 0.667, 2]
 */
import { z } from 'zod';

export const ClassWeight = z.union([
  z.literal('balanced'),
  z.object({ stayed: z.number().positive(), churned: z.number().positive() }),
]);
export type ClassWeight = z.infer<typeof ClassWeight>;

export function classWeightsPerRow(y: Float64Array, weight: ClassWeight): Float64Array {
  let churned = 0;
  for (let i = 0; i < y.length; i++) churned += y[i];
  const stayed = y.length - churned;
  const w =
    weight === 'balanced'
      ? { stayed: y.length / (2 * stayed), churned: y.length / (2 * churned) }
      : weight;
  return Float64Array.from(y, (v) => (v === 1 ? w.churned : w.stayed));
}
