import { describe, expect, it } from 'vitest';
import { customerValue } from '../../src/value/customer-value.ts';
import { simulatePurchases } from '../support/simulate-purchases.ts';
import { simulateSpend } from '../support/simulate-spend.ts';
import type { TransactionSummary } from '../../src/value/transaction-summary.ts';

/** 3,000 simulated purchase histories in days, plus one customer with no purchase (T = NaN). */
function summary(): TransactionSummary {
  const n = 3_000;
  const T = Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? NaN : 30 + (i % 300)));
  const sim = simulatePurchases({ variant: 'bgnbd', unit: 'days', r: 0.5, alpha: 30, a: 0.8, b: 2.5 }, T.subarray(0, n), 0, 1, true);
  const pad = (v: Float64Array) => Float64Array.from({ length: n + 1 }, (_, i) => (i < n ? v[i] : 0));
  const frequency = pad(sim.frequency);
  return {
    unit: 'days',
    frequency,
    recency: pad(sim.recency),
    T,
    monetary: simulateSpend({ p: 6, q: 4, gamma: 15 }, frequency, 2),
  };
}

describe('customerValue', () => {
  it('uses MRR survival for subscribers, the transaction models for buyers, and none otherwise', () => {
    const s = summary();
    const n = s.T.length;
    const mrr = new Float64Array(n).fill(NaN);
    mrr[0] = 50;
    const churn = new Float64Array(n).fill(0.3);
    const v = customerValue({ summary: s, mrr, churnProbability: churn, horizonDays: 90 }, { variant: 'bgnbd' });
    expect(v.method[0]).toBe('mrr-survival');
    expect(v.method[1]).toBe('bgnbd-gamma-gamma');
    expect(v.method[n - 1]).toBe('none');
    expect(v.lifetimeValue[n - 1]).toBe(0);
    expect(v.models.purchases?.converged).toBe(true);
    expect(v.revenueAtRisk[1]).toBeCloseTo(v.lifetimeValue[1] * 0.3, 12);
    expect(v.purchaseChurnProbability[1]).toBeGreaterThan(0);
    expect(v.purchaseChurnProbability[n - 1]).toBeNaN();
  });
  it('falls back to MRR (and none) without transactions, and says why', () => {
    const v = customerValue({ summary: null, mrr: Float64Array.of(20, 0), churnProbability: Float64Array.of(0.1, 0.1), horizonDays: 90 });
    expect(v.method).toEqual(['mrr-survival', 'none']);
    expect(v.models.note).toBe('no transactions table');
    expect(v.lifetimeValue[0]).toBeGreaterThan(0);
  });
  it('does not fit the transaction models on too few repeat buyers', () => {
    const s: TransactionSummary = {
      unit: 'days',
      frequency: Float64Array.of(1, 0),
      recency: Float64Array.of(5, 0),
      T: Float64Array.of(10, 10),
      monetary: Float64Array.of(20, 0),
    };
    const v = customerValue({ summary: s, mrr: new Float64Array(2), churnProbability: Float64Array.of(0.5, 0.5), horizonDays: 90 });
    expect(v.method).toEqual(['none', 'none']);
    expect(v.models.note).toMatch(/1 repeat buyers, fewer than the 30/);
  });
});
