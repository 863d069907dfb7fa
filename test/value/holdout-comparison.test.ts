import { describe, expect, it } from 'vitest';
import { holdoutComparison, holdoutPurchases } from '../../src/value/holdout-comparison.ts';

describe('holdoutComparison', () => {
  it('groups by calibration frequency with an open top group and adds an "all" row', () => {
    const rows = holdoutComparison(Float64Array.of(0, 0, 1, 9), Float64Array.of(0.1, 0.3, 1, 4), Float64Array.of(0, 1, 2, 3), 1);
    expect(rows.map((r) => r.frequency)).toEqual(['0', '1+', 'all']);
    expect(rows[0]).toMatchObject({ customers: 2, actualMean: 0.5, actualTotal: 1 });
    expect(rows[0].predictedMean).toBeCloseTo(0.2, 15);
    expect(rows[1]).toMatchObject({ customers: 2, actualTotal: 5, predictedTotal: 5 });
    expect(rows[2]).toMatchObject({ customers: 4, actualTotal: 6 });
  });
  it('leaves out customers without a prediction', () => {
    const rows = holdoutComparison(Float64Array.of(0, 0), Float64Array.of(NaN, 1), Float64Array.of(5, 1), 1);
    expect(rows.at(-1)).toMatchObject({ customers: 1, actualTotal: 1 });
  });
});

describe('holdoutPurchases', () => {
  it('counts distinct purchase days inside (end, holdout end] per customer', () => {
    const n = holdoutPurchases(Int32Array.of(0, 0, 0, 1, 1), Float64Array.of(10, 11, 11, 12, 30), 2, 10, 20);
    expect(Array.from(n)).toEqual([1, 1]);
  });
});
