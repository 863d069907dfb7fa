/**
 * Lift and capture rate among the riskiest share k ("if we call the top 10%, how many churners do we reach?"):
 * capture = churners among the top m = round(k·n) / all churners; lift = their churn rate / the overall rate.
 * A tied group straddling the cut counts in proportion to the places left (the expected result of a random
 * tie-break), so the figures do not depend on row order.
 * @example liftFromTable(thresholdTable(new Float64Array([0.9, 0.8, 0.2, 0.1]), new Uint8Array([1, 0, 1, 0])), 0.25).captureRate; // => 0.5
 */
import type { ThresholdTable } from './threshold-table.ts';

/** Expected churners among the m highest scores. */
function churnersInTop(t: ThresholdTable, m: number): number {
  let tpPrev = 0;
  let rowsPrev = 0;
  for (let g = 0; g < t.tps.length; g++) {
    const rows = t.tps[g] + t.fps[g];
    if (rows >= m) {
      const share = (m - rowsPrev) / (rows - rowsPrev);
      return tpPrev + share * (t.tps[g] - tpPrev);
    }
    tpPrev = t.tps[g];
    rowsPrev = rows;
  }
  return tpPrev;
}

/** m = round(k·n), at least 1 row: the number of customers in the "top k". */
export function topCount(n: number, share: number): number {
  if (!(share > 0 && share <= 1)) throw new Error(`top share must be in (0, 1], got ${share}`);
  return Math.max(1, Math.round(share * n));
}

export function liftFromTable(t: ThresholdTable, share: number): { lift: number; captureRate: number } {
  const last = t.tps.length - 1;
  const positives = t.tps[last];
  const n = positives + t.fps[last];
  const m = topCount(n, share);
  const churners = churnersInTop(t, m);
  return { lift: churners / m / (positives / n), captureRate: churners / positives };
}
