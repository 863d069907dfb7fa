/**
 * Hierarchic composition (Saaty 1980, ch. 2): an element's global weight is the product of the local weights on its
 * path from the goal, so indicator k of dimension d gets w_d × w_k|d, and all indicators' weights sum to 1.
 * @example globalWeights([0.6, 0.4], [[0.5, 0.5], [1]]) // => [[0.3, 0.3], [0.4]]
 */
export function globalWeights(
  dimensionWeights: ArrayLike<number>,
  localWeights: ReadonlyArray<ArrayLike<number>>,
): number[][] {
  if (dimensionWeights.length !== localWeights.length) {
    throw new Error(`globalWeights: ${dimensionWeights.length} dimension weights for ${localWeights.length} groups`);
  }
  return Array.from(localWeights, (local, d) => Array.from(local, (w) => dimensionWeights[d] * w));
}
