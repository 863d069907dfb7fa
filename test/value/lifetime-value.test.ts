import { describe, expect, it } from 'vitest';
import type { BgNbdParams } from '../../src/value/bgnbd-params.ts';
import { conditionalExpectedPurchases } from '../../src/value/bgnbd-predict.ts';
import { discountedLifetimeValue } from '../../src/value/lifetime-value.ts';

const params: BgNbdParams = { variant: 'bgnbd', unit: 'weeks', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const x = Float64Array.of(2, 0, 6);
const tx = Float64Array.of(30.43, 0, 35);
const T = Float64Array.of(38.86, 20, 38);
const spend = Float64Array.of(40, 35, 20);

describe('discountedLifetimeValue', () => {
  it('without discounting is spend × expected purchases over the horizon (the monthly sum telescopes)', () => {
    const v = discountedLifetimeValue(params, x, tx, T, spend, { horizonMonths: 12, monthlyDiscountRate: 0, daysPerMonth: 30 });
    const purchases = conditionalExpectedPurchases(params, x, tx, T, (12 * 30) / 7);
    for (let i = 0; i < 3; i++) expect(v[i]).toBeCloseTo(spend[i] * purchases[i], 10);
  });
  it('discounts month i by (1 + d)^i, as lifetimes does', () => {
    // One month: value = spend · E[Y(30 days)] / (1 + d).
    const v = discountedLifetimeValue(params, x, tx, T, spend, { horizonMonths: 1, monthlyDiscountRate: 0.05, daysPerMonth: 30 });
    const purchases = conditionalExpectedPurchases(params, x, tx, T, 30 / 7);
    expect(v[0]).toBeCloseTo((spend[0] * purchases[0]) / 1.05, 12);
  });
  it('does not depend on the model unit', () => {
    const inDays = { ...params, unit: 'days' as const, alpha: params.alpha * 7 };
    const config = { horizonMonths: 36, monthlyDiscountRate: 0.01, daysPerMonth: 30 };
    const weeks = discountedLifetimeValue(params, x, tx, T, spend, config);
    const days = discountedLifetimeValue(inDays, x, tx.map((v) => v * 7), T.map((v) => v * 7), spend, config);
    for (let i = 0; i < 3; i++) expect(days[i]).toBeCloseTo(weeks[i], 8);
  });
  it('grows with the horizon', () => {
    const short = discountedLifetimeValue(params, x, tx, T, spend, { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerMonth: 30 });
    const long = discountedLifetimeValue(params, x, tx, T, spend, { horizonMonths: 36, monthlyDiscountRate: 0.01, daysPerMonth: 30 });
    for (let i = 0; i < 3; i++) expect(long[i]).toBeGreaterThan(short[i]);
  });
});
