/**
 * σ(x) = 1 / (1 + e^(−x)), margin to probability: the one definition every model and loss uses. For
 * x < 0 it is e^x / (1 + e^x), so nothing overflows and the tail keeps its relative precision.
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
