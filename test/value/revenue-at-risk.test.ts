import { describe, expect, it } from 'vitest';
import { revenueAtRisk } from '../../src/value/revenue-at-risk.ts';

describe('revenueAtRisk', () => {
  it('is lifetime value × churn probability', () => {
    expect(Array.from(revenueAtRisk(Float64Array.of(1000, 200, 0), Float64Array.of(0.25, 0.5, 0.9)))).toEqual([250, 100, 0]);
  });
  it('refuses arrays of different lengths', () => {
    expect(() => revenueAtRisk(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(RangeError);
  });
});
