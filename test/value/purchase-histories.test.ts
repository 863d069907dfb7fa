import { describe, expect, it } from 'vitest';
import { aggregateHistories } from '../../src/value/purchase-histories.ts';

describe('aggregateHistories', () => {
  it('merges identical (x, tx, T) rows into one with a count', () => {
    const r = aggregateHistories(Float64Array.of(0, 2, 0, 2), Float64Array.of(0, 5, 0, 5), Float64Array.of(9, 9, 9, 9));
    if ('problem' in r) throw new Error(r.problem);
    expect(Array.from(r.histories.x)).toEqual([0, 2]);
    expect(Array.from(r.histories.count)).toEqual([2, 2]);
    expect(r.histories.customers).toBe(4);
  });
  it('leaves out customers without a first purchase (T = NaN)', () => {
    const r = aggregateHistories(Float64Array.of(0, 1), Float64Array.of(0, 1), Float64Array.of(NaN, 3));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.histories.customers).toBe(1);
  });
  it('returns a problem naming the customer when recency exceeds T', () => {
    const r = aggregateHistories(Float64Array.of(1, 1), Float64Array.of(1, 7), Float64Array.of(3, 5));
    expect(r).toEqual({ problem: 'customer 1: recency 7 is not within [0, T = 5]' });
  });
  it('returns a problem for a fractional frequency', () => {
    expect(aggregateHistories(Float64Array.of(1.5), Float64Array.of(1), Float64Array.of(3))).toHaveProperty('problem');
  });
});
