/**
 * A source table's rows grouped by customer and ordered by time within each, as typed arrays: a
 * (customer, cutoff) window is then two binary searches away, so the engine costs O(rows in windows).
 */

export interface SortedRows {
  /** Rows of customer c are the sorted positions start[c] .. start[c + 1] − 1. */
  start: Int32Array;
  /** Row time (epoch ms), ascending within each customer. */
  t: Float64Array;
  /** Sorted position → row number in the source table. */
  order: Int32Array;
}

/**
 * Counting sort by customer index (O(n)), then a time sort inside each customer's block that is
 * skipped when the block is already in order (files are usually written per customer, by time).
 * Rows with an unknown customer (index −1) or a blank time are left out.
 */
export function sortRows(customerIndex: Int32Array, time: Float64Array, customers: number): SortedRows {
  const counts = new Int32Array(customers + 1);
  for (let i = 0; i < customerIndex.length; i++) {
    const c = customerIndex[i];
    if (c >= 0 && !Number.isNaN(time[i])) counts[c + 1]++;
  }
  for (let c = 0; c < customers; c++) counts[c + 1] += counts[c];
  const start = Int32Array.from(counts);
  const next = Int32Array.from(counts.subarray(0, customers));
  const order = new Int32Array(start[customers]);
  for (let i = 0; i < customerIndex.length; i++) {
    const c = customerIndex[i];
    if (c >= 0 && !Number.isNaN(time[i])) order[next[c]++] = i;
  }
  for (let c = 0; c < customers; c++) sortBlock(order, time, start[c], start[c + 1]);
  const t = new Float64Array(order.length);
  for (let p = 0; p < order.length; p++) t[p] = time[order[p]];
  return { start, t, order };
}

function sortBlock(order: Int32Array, time: Float64Array, lo: number, hi: number): void {
  let sorted = true;
  // Stable order for equal times keeps source order, which the engines never rely on.
  for (let p = lo + 1; p < hi && sorted; p++) if (time[order[p - 1]] > time[order[p]]) sorted = false;
  if (sorted) return;
  const block = Array.from(order.subarray(lo, hi));
  block.sort((a, b) => time[a] - time[b] || a - b);
  order.set(block, lo);
}

/** First position p in [lo, hi) with t[p] ≥ x (hi when none). */
export function lowerBound(t: Float64Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
