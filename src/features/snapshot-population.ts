/**
 * Who is in a snapshot at cutoff T (signed up before T, not churned before it) and their label, as
 * churn-definition.ts defines them; sql-engine.ts writes the same rules as SQL.
 */
import { DAY_MS } from '../data/contract.ts';
import type { ChurnDefinition } from './churn-definition.ts';
import { lowerBound, type SortedRows } from './sorted-rows.ts';

/** Churn date per customer (NaN = none) for the definitions that have one. */
export function subscriptionChurnDates(
  customers: number,
  subCustomer: Int32Array,
  endDate: Float64Array,
): Float64Array {
  // Latest end date, unless some subscription is still running (blank end date).
  const out = new Float64Array(customers).fill(NaN);
  const running = new Uint8Array(customers);
  const has = new Uint8Array(customers);
  for (let i = 0; i < subCustomer.length; i++) {
    const c = subCustomer[i];
    if (c < 0) continue;
    has[c] = 1;
    const e = endDate[i];
    if (Number.isNaN(e)) running[c] = 1;
    else if (!(out[c] >= e)) out[c] = e;
  }
  for (let c = 0; c < customers; c++) if (running[c] || !has[c]) out[c] = NaN;
  return out;
}

/** Customers (indices, ascending) in the population at `cutoff`. */
export function populationAt(signup: Float64Array, churnDate: Float64Array | null, cutoff: number): Int32Array {
  const rows: number[] = [];
  for (let c = 0; c < signup.length; c++) {
    if (!(signup[c] < cutoff)) continue;
    if (churnDate && churnDate[c] < cutoff) continue;
    rows.push(c);
  }
  return Int32Array.from(rows);
}

/** 1 when the customer churned in [T, T + H days), else 0. */
export function labelsAt(
  population: Int32Array,
  cutoff: number,
  horizonDays: number,
  churn: ChurnDefinition,
  churnDate: Float64Array | null,
  activity: SortedRows[],
): Uint8Array {
  const until = cutoff + horizonDays * DAY_MS;
  const out = new Uint8Array(population.length);
  for (let r = 0; r < population.length; r++) {
    const c = population[r];
    if (churn.kind !== 'inactivity') {
      const d = churnDate![c];
      out[r] = d >= cutoff && d < until ? 1 : 0;
      continue;
    }
    let active = false;
    for (const rows of activity) {
      const s = rows.start[c];
      const e = rows.start[c + 1];
      const p = lowerBound(rows.t, s, e, cutoff);
      if (p < e && rows.t[p] < until) {
        active = true;
        break;
      }
    }
    out[r] = active ? 0 : 1;
  }
  return out;
}

/** Whether the horizon after `cutoff` runs past the end of the data. */
export const isCensored = (cutoff: number, horizonDays: number, dataEnd: number): boolean =>
  cutoff + horizonDays * DAY_MS > dataEnd;

/** Exclusive end of the data: the UTC day after the latest date. */
export const dayAfter = (latest: number): number => (Math.floor(latest / DAY_MS) + 1) * DAY_MS;
