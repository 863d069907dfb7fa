import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/data/contract.ts';
import { observationEndForCutoff, summariseTransactions } from '../../src/value/transaction-summary.ts';

// Hand-made log; expected values follow lifetimes' summary_data_from_transaction_data
// (freq='D'): same-day purchases merged, first purchase left out of the monetary mean.
const day = (d: number, hours = 0): number => d * DAY_MS + hours * 3_600_000;
const log = {
  customer: Int32Array.of(0, 0, 0, 0, 1, 2, 2, 0),
  time: Float64Array.of(day(0, 9), day(0, 17), day(3), day(10), day(5), day(2), day(20), day(15)),
  amount: Float64Array.of(5, 5, 20, 30, 8, 12, 99, 1000),
};
const summarise = (unit: 'days' | 'weeks' = 'days') =>
  summariseTransactions(log.customer, log.time, log.amount, 4, { observationEnd: day(14, 23), unit });

describe('summariseTransactions', () => {
  it('counts repeat purchases on distinct days, merging same-day purchases', () => {
    // customer 0: days 0 (twice), 3, 10 → 2 repeats; day 15 is after the observation end.
    expect(Array.from(summarise().frequency)).toEqual([2, 0, 0, 0]);
  });
  it('measures recency from the first to the last purchase day and T to the observation-end day', () => {
    const s = summarise();
    expect(Array.from(s.recency)).toEqual([10, 0, 0, 0]);
    expect(Array.from(s.T.subarray(0, 3))).toEqual([14, 9, 12]);
  });
  it('takes the mean of repeat purchases only, 0 without repeats', () => {
    // customer 0: repeats 20 and 30 → 25 (the merged first day, 10, is left out).
    expect(Array.from(summarise().monetary)).toEqual([25, 0, 0, 0]);
  });
  it('gives T = NaN to a customer with no purchase by the observation end', () => {
    expect(summarise().T[3]).toBeNaN();
  });
  it('expresses recency and T in weeks as days / 7', () => {
    const s = summarise('weeks');
    expect(s.recency[0]).toBeCloseTo(10 / 7, 15);
    expect(s.T[0]).toBeCloseTo(2, 15);
    expect(s.frequency[0]).toBe(2);
  });
  it('does not depend on row order', () => {
    const order = [7, 3, 1, 5, 0, 6, 2, 4];
    const s = summariseTransactions(
      Int32Array.from(order, (i) => log.customer[i]),
      Float64Array.from(order, (i) => log.time[i]),
      Float64Array.from(order, (i) => log.amount[i]),
      4,
      { observationEnd: day(14) },
    );
    expect(s).toEqual(summarise());
  });
  it('rejects a customer index outside the range', () => {
    expect(() => summariseTransactions(Int32Array.of(5), Float64Array.of(0), Float64Array.of(1), 2, { observationEnd: 0 })).toThrow(
      /row 0/,
    );
  });
});

describe('observationEndForCutoff', () => {
  it('is the day before the cutoff day, so the summary uses purchases strictly before the cutoff', () => {
    expect(observationEndForCutoff(Date.UTC(1997, 9, 1))).toBe(Date.UTC(1997, 8, 30));
    expect(observationEndForCutoff(Date.UTC(1997, 9, 1, 12))).toBe(Date.UTC(1997, 8, 30));
  });
});
