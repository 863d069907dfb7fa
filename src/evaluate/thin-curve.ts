/**
 * Evenly spaced indices that thin a curve to at most `maxPoints` points, first and last kept: for charts and
 * metrics.json only, as every metric is computed on the full curve.
 */
export function thinIndices(length: number, maxPoints: number): number[] {
  if (maxPoints < 2) throw new Error(`thinIndices: maxPoints must be at least 2, got ${maxPoints}`);
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: maxPoints }, (_, k) => Math.round((k * (length - 1)) / (maxPoints - 1)));
}

export function pick(values: ArrayLike<number>, index: readonly number[]): number[] {
  return index.map((i) => values[i]);
}
