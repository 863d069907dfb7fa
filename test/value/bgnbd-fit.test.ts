import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/value/bgnbd-fit.ts';
import type { BgNbdParams } from '../../src/value/bgnbd-params.ts';
import { simulatePurchases } from '../support/simulate-purchases.ts';

describe('fitBgNbd', () => {
  it('recovers the parameters it simulated from (20,000 customers, continuous time)', () => {
    for (const variant of ['bgnbd', 'mbgnbd'] as const) {
      const truth: BgNbdParams = { variant, unit: 'weeks', r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
      const T = Float64Array.from({ length: 20_000 }, (_, i) => 20 + (i % 40));
      const sim = simulatePurchases(truth, T, 0, 3);
      const r = fitBgNbd(sim.frequency, sim.recency, sim.T, { variant, unit: 'weeks' });
      if ('problem' in r) throw new Error(r.problem);
      expect(r.fit.converged).toBe(true);
      // Sampling error at this size is a few percent; 15% would mean a wrong likelihood.
      for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(r.fit.params[k] / truth[k] - 1)).toBeLessThan(0.15);
    }
  });
  it('skips customers without a first purchase', () => {
    const r = fitBgNbd(Float64Array.of(0, 1, 2, 0), Float64Array.of(0, 3, 5, 0), Float64Array.of(NaN, 6, 8, 4));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.fit.customers).toBe(3);
  });
  it('returns a problem when no customer has a purchase', () => {
    expect(fitBgNbd(Float64Array.of(0), Float64Array.of(0), Float64Array.of(NaN))).toEqual({
      problem: 'no customer has a purchase before the observation end',
    });
  });
  it('returns a problem for an impossible summary instead of fitting it', () => {
    expect(fitBgNbd(Float64Array.of(-1), Float64Array.of(0), Float64Array.of(3))).toHaveProperty('problem');
  });
});
