/**
 * The logistic function σ(x) = 1 / (1 + e^(−x)), turning a margin (log-odds) into a probability.
 * Computed exactly as scipy's `expit` so that isotonic calibration sees the same probabilities as
 * scikit-learn would; for x < −709, e^(−x) overflows to Infinity and the result is a clean 0.
 *
 * @example sigmoid(0); // => 0.5
 */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function sigmoidAll(margins: ArrayLike<number>): Float64Array {
  const out = new Float64Array(margins.length);
  for (let i = 0; i < margins.length; i++) out[i] = sigmoid(margins[i]);
  return out;
}
