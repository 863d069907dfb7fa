/**
 * Per-customer (frequency, recency, T, monetary value) summaries of a transaction log at an observation end, with
 * the conventions of lifetimes' `summary_data_from_transaction_data` (freq = 'D') and Fader, Hardie & Lee (2005).
 */
import { z } from 'zod';
import { DAY_MS } from '../data/contract.ts';

export const TimeUnit = z.enum(['days', 'weeks']);
export type TimeUnit = z.infer<typeof TimeUnit>;

export const UNIT_DAYS: Record<TimeUnit, number> = { days: 1, weeks: 7 };

export const SummaryOptions = z.object({
  /** Any instant of the last day that counts, epoch ms (lifetimes' `observation_period_end`). */
  observationEnd: z.number().finite(),
  unit: TimeUnit.default('days'),
});
export type SummaryOptions = z.input<typeof SummaryOptions>;

/**
 * One row per customer. Purchases on or before the observation-end day count, and those on the same UTC day are one
 * purchase with their amounts added; weeks = days / 7 (lifetimes' `freq_multiplier=7`). A customer without a
 * purchase by then has T = NaN (outside the model, which conditions on the first purchase) and zeros elsewhere.
 */
export interface TransactionSummary {
  unit: TimeUnit;
  /** Repeat purchases (distinct purchase days − 1). */
  frequency: Float64Array;
  /** Time from the first to the last purchase day, in `unit`. */
  recency: Float64Array;
  /** Time from the first purchase day to the observation-end day, in `unit`; NaN = no purchase. */
  T: Float64Array;
  /** Mean amount of the repeat purchase days; 0 without repeat purchases. */
  monetary: Float64Array;
}

export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

/** The observation end of a point-in-time cutoff: the day before it, as features use purchases strictly before. */
export const observationEndForCutoff = (cutoffMs: number): number => (utcDay(cutoffMs) - 1) * DAY_MS;

/**
 * `customer[i]` is row i's customer index in [0, nCustomers); rows in any order. Cost: one sort (n log n), one pass.
 *
 * @example
 * // customer 0 buys on days 0, 0 (merged), 3 and 10; observation end day 14
 * summariseTransactions(Int32Array.of(0, 0, 0, 0), Float64Array.of(0, 3600e3, 3 * DAY_MS, 10 * DAY_MS),
 *   Float64Array.of(5, 5, 20, 30), 1, { observationEnd: 14 * DAY_MS });
 * // => frequency [2], recency [10], T [14], monetary [25]
 */
export function summariseTransactions(
  customer: Int32Array,
  timestampMs: Float64Array,
  amount: Float64Array,
  nCustomers: number,
  options: SummaryOptions,
): TransactionSummary {
  const { observationEnd, unit } = SummaryOptions.parse(options);
  if (customer.length !== timestampMs.length || customer.length !== amount.length) {
    throw new RangeError('summariseTransactions: customer, timestamp and amount differ in length');
  }
  return _summarise(customer, timestampMs, amount, nCustomers, utcDay(observationEnd), UNIT_DAYS[unit], unit);
}

function _summarise(
  customer: Int32Array,
  timestampMs: Float64Array,
  amount: Float64Array,
  nCustomers: number,
  endDay: number,
  unitDays: number,
  unit: TimeUnit,
): TransactionSummary {
  const frequency = new Float64Array(nCustomers);
  const recency = new Float64Array(nCustomers);
  const T = new Float64Array(nCustomers).fill(NaN);
  const monetary = new Float64Array(nCustomers);

  // Sort row indices by (customer, day) so each customer's days come together and in order.
  const day = new Float64Array(customer.length);
  const rows: number[] = [];
  for (let i = 0; i < customer.length; i++) {
    const c = customer[i];
    if (!(c >= 0 && c < nCustomers)) throw new RangeError(`summariseTransactions: row ${i} has customer index ${c}`);
    day[i] = utcDay(timestampMs[i]);
    if (day[i] <= endDay) rows.push(i);
  }
  rows.sort((i, j) => customer[i] - customer[j] || day[i] - day[j]);

  let k = 0;
  while (k < rows.length) {
    const c = customer[rows[k]];
    const firstDay = day[rows[k]];
    let lastDay = firstDay;
    let days = 0;
    let repeatSpend = 0;
    while (k < rows.length && customer[rows[k]] === c) {
      const d = day[rows[k]];
      let spend = 0;
      while (k < rows.length && customer[rows[k]] === c && day[rows[k]] === d) spend += amount[rows[k++]];
      if (days > 0) repeatSpend += spend;
      days++;
      lastDay = d;
    }
    frequency[c] = days - 1;
    recency[c] = (lastDay - firstDay) / unitDays;
    T[c] = (endDay - firstDay) / unitDays;
    monetary[c] = days > 1 ? repeatSpend / (days - 1) : 0;
  }
  return { unit, frequency, recency, T, monetary };
}
