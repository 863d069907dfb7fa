/**
 * Maps values to 0–100 by their percentile: 100 · (r − 1) / (m − 1), with r the mid-rank among the m non-missing
 * values (as `scipy.stats.rankdata(method="average")`), so ties score the same and a lone value scores 50.
 * Missing values (NaN) score 50 and take no part in the ranking: without evidence a customer is put in the middle.
 * @example percentileScores(Float64Array.of(10, 20, 20, 40)) // => [0, 50, 50, 100]
 */
export const MISSING_SCORE = 50;

/** Index of the first element of `sorted` that is ≥ v (or > v when `strict`). */
function bound(sorted: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (strict && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function percentileScores(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length).fill(MISSING_SCORE);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) m++;
  if (m <= 1) return out;
  // A native numeric sort plus two binary searches per value: O(m log m), without an index comparator.
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[k++] = values[i];
  sorted.sort();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    // 0-based ranks below..above−1 hold v; their mean is the mid-rank r − 1.
    const below = bound(sorted, v, false);
    const above = bound(sorted, v, true);
    out[i] = (100 * (below + above - 1)) / 2 / (m - 1);
  }
  return out;
}
