import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../support/expected-purchases.ts';
import { simulatePurchases } from '../support/simulate-purchases.ts';

describe('simulatePurchases', () => {
  it('produces as many repeat purchases on average as E[X(t)] predicts (FHL 2005 eq. 9)', () => {
    // a = 3 keeps the variance of the count small enough for a 3% check at 50,000 customers.
    for (const variant of ['bgnbd', 'mbgnbd'] as const) {
      const params = { variant, unit: 'weeks' as const, r: 2, alpha: 10, a: 3, b: 4 };
      const sim = simulatePurchases(params, new Float64Array(50_000).fill(52), 0, 9);
      const mean = sim.frequency.reduce((s, v) => s + v, 0) / sim.frequency.length;
      expect(mean / expectedPurchases(params, 52)).toBeCloseTo(1, 1);
    }
  });
  it('keeps recency within [0, T] and 0 without repeats', () => {
    const sim = simulatePurchases({ variant: 'bgnbd', unit: 'days', r: 1, alpha: 20, a: 1, b: 2 }, new Float64Array(2_000).fill(100), 30, 4, true);
    for (let i = 0; i < 2_000; i++) {
      expect(sim.recency[i]).toBeLessThanOrEqual(100);
      if (sim.frequency[i] === 0) expect(sim.recency[i]).toBe(0);
    }
  });
});
