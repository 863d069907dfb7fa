import { describe, expect, it } from 'vitest';
import { seededVariates } from '../support/seeded-variates.ts';

describe('seededVariates', () => {
  it('draws Gamma(k) with mean k and variance k, for shapes below and above 1', () => {
    for (const k of [0.3, 4.5]) {
      const { gamma } = seededVariates(42);
      const n = 100_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const g = gamma(k);
        s += g;
        s2 += g * g;
      }
      const mean = s / n;
      // Standard error of the mean is √(k/n) ≤ 0.007; 5 SE.
      expect(Math.abs(mean - k)).toBeLessThan(5 * Math.sqrt(k / n));
      expect(s2 / n - mean * mean).toBeCloseTo(k, 0);
    }
  });
  it('repeats its stream for the same seed', () => {
    const a = seededVariates(7);
    const b = seededVariates(7);
    expect([a.uniform(), a.gamma(2)]).toEqual([b.uniform(), b.gamma(2)]);
  });
});
