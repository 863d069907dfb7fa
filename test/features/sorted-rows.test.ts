import { describe, expect, it } from 'vitest';
import { lowerBound, sortRows } from '../../src/features/sorted-rows.ts';

describe('sortRows', () => {
  it('groups rows by customer and orders them by time, dropping unknown customers and blank times', () => {
    const customer = Int32Array.from([1, 0, 1, -1, 0, 1]);
    const time = Float64Array.from([30, 20, 10, 5, NaN, 20]);
    const rows = sortRows(customer, time, 3);
    expect(Array.from(rows.start)).toEqual([0, 1, 4, 4]);
    expect(Array.from(rows.t)).toEqual([20, 10, 20, 30]);
    expect(Array.from(rows.order)).toEqual([1, 2, 5, 0]);
  });
});

describe('lowerBound', () => {
  it('finds the first position not below x within the range', () => {
    const t = Float64Array.from([1, 3, 3, 7]);
    expect(lowerBound(t, 0, 4, 3)).toBe(1);
    expect(lowerBound(t, 0, 4, 4)).toBe(3);
    expect(lowerBound(t, 0, 4, 8)).toBe(4);
    expect(lowerBound(t, 2, 4, 0)).toBe(2);
  });
});
