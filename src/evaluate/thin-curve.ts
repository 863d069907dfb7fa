/**
 * Evenly spaced point indices for drawing a curve with at most `maxPoints` points, always keeping
 * the first and the last. A test split of 100,000 customers has up to 100,000 ROC points, which a
 * chart cannot show and metrics.json should not carry; the metrics themselves are computed on
 * the full curve, never on the thinned one.
 */
export function thinIndices(length: number, maxPoints: number): number[] {
  if (maxPoints < 2) throw new Error(`thinIndices: maxPoints must be at least 2, got ${maxPoints}`);
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < maxPoints; k++) out.push(Math.round((k * (length - 1)) / (maxPoints - 1)));
  return out;
}

export function pick(values: ArrayLike<number>, index: readonly number[]): number[] {
  return index.map((i) => values[i]);
}
