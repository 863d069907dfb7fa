import { describe, expect, it } from 'vitest';
import { contractualLifetimeValue } from '../../src/value/contractual-value.ts';

const config = { horizonMonths: 36, monthlyDiscountRate: 0.01, daysPerMonth: 30 };

describe('contractualLifetimeValue', () => {
  it('is MRR × horizon months for a customer who never churns, without discounting', () => {
    expect(contractualLifetimeValue(Float64Array.of(100), Float64Array.of(0), 90, { ...config, monthlyDiscountRate: 0 })[0]).toBe(3600);
  });
  it('equals the month-by-month sum of MRR · s^i / (1+d)^i with s = (1 − P)^(30/h)', () => {
    const [P, h, mrr] = [0.2, 90, 50];
    const s = Math.pow(1 - P, 30 / h);
    let expected = 0;
    for (let i = 1; i <= 36; i++) expected += (mrr * s ** i) / 1.01 ** i;
    expect(contractualLifetimeValue(Float64Array.of(mrr), Float64Array.of(P), h, config)[0]).toBeCloseTo(expected, 10);
  });
  it('is 0 for a certain churner and falls as the churn probability rises', () => {
    const v = contractualLifetimeValue(Float64Array.of(80, 80, 80), Float64Array.of(0.1, 0.5, 1), 90, config);
    expect(v[0]).toBeGreaterThan(v[1]);
    expect(v[2]).toBe(0);
  });
});
