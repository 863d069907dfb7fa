/** RFM quintile scores within the population at one cutoff, and the named RFM segment. */
import { lowerBound } from './sorted-rows.ts';

/**
 * Quintile scores 1 + floor(5 · w / n), w = customers strictly worse, n = population, as SQL's
 * 1 + FLOOR(5 · (RANK() − 1) / COUNT(*)), so ties share a score. Values are rounded to 6 decimals
 * first, so sums added in another order by the other engine still tie.
 * @example quintileScores([10, 20, 30, 40, 50], true) // => [1, 2, 3, 4, 5]
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Float64Array {
  const n = values.length;
  const keys = Float64Array.from(values, (v) => roundForRank(higherIsBetter ? v : -v));
  const sorted = Float64Array.from(keys).sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 1 + Math.floor((5 * lowerBound(sorted, 0, n, keys[i])) / n);
  return out;
}

/** Rounds to 6 decimals, half away from zero on the magnitude — as SQL ROUND(x, 6). */
export function roundForRank(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 1e6)) / 1e6;
}

/**
 * The five-cell segment grid of the R and F scores (after Hughes 1994, simplified):
 * champions (R ≥ 4, F ≥ 4), loyal (R ≥ 3, F ≥ 3), at_risk (R ≤ 2, F ≥ 3),
 * promising (R ≥ 3, F ≤ 2), hibernating (R ≤ 2, F ≤ 2).
 */
export function rfmSegment(r: number, f: number): string {
  if (r >= 4 && f >= 4) return 'champions';
  if (r >= 3 && f >= 3) return 'loyal';
  if (f >= 3) return 'at_risk';
  if (r >= 3) return 'promising';
  return 'hibernating';
}
