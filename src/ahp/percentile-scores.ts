/**
 * Maps values to 0–100 by their percentile: 100 · (r − 1) / (m − 1), with r the mid-rank among the m non-missing
 * values (as `scipy.stats.rankdata(method="average")`), so ties score the same and a lone value scores 50.
 * Missing values (NaN) score 50 and take no part in the ranking: without evidence a customer is put in the middle.
 * @example percentileScores(Float64Array.of(10, 20, 20, 40)) // => [0, 50, 50, 100]
 */
export const MISSING_SCORE = 50;

export function percentileScores(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length).fill(MISSING_SCORE);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) m++;
  if (m <= 1) return out;
  // A native numeric sort (O(m log m), no index comparator), then twice the mid-rank r − 1 of each distinct value:
  // the sum of the first and last 0-based ranks it holds.
  const sorted = new Float64Array(m);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[k++] = values[i];
  sorted.sort();
  const twiceMidRank = new Map<number, number>();
  for (let first = 0, last = 0; first < m; first = ++last) {
    while (last + 1 < m && sorted[last + 1] === sorted[first]) last++;
    twiceMidRank.set(sorted[first], first + last);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) out[i] = (100 * (twiceMidRank.get(values[i]) as number)) / 2 / (m - 1);
  }
  return out;
}
