/**
 * Quantile of sorted values by linear interpolation, as numpy's default `np.quantile(x, q)` (Hyndman & Fan type 7).
 * @example quantileSorted(new Float64Array([1, 2, 3, 4]), 0.5); // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new Error('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantileSorted: q must be in [0, 1], got ${q}`);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
