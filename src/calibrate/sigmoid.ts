/**
 * The logistic function σ(x) = 1 / (1 + e^(−x)), turning a margin (log-odds) into a probability:
 * the one definition every model, calibrator and loss uses. Computed in the branch form that
 * never takes e^(−x) of a large −x: for x < 0 it is e^x / (1 + e^x), so no intermediate
 * overflows and the result keeps its relative precision far into the tail.
 *
 * @example sigmoid(0); // => 0.5
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ of every margin. */
export function sigmoidAll(margins: ArrayLike<number>): Float64Array {
  const out = new Float64Array(margins.length);
  for (let i = 0; i < margins.length; i++) out[i] = sigmoid(margins[i]);
  return out;
}
