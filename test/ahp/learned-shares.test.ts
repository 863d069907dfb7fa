import { describe, expect, it } from 'vitest';
import { learnedShares } from '../../src/ahp/learned-shares.ts';

describe('learnedShares', () => {
  it('sums importances per group and divides by the total (hand-checked)', () => {
    const s = learnedShares({ a: 3, b: 1, c: 4 }, (f) => (f === 'c' ? 'y' : 'x'));
    expect(Object.fromEntries(s)).toEqual({ x: 0.5, y: 0.5 });
  });

  it('leaves features mapped to null out of the total', () => {
    const s = learnedShares({ a: 1, b: 3, c: 100 }, (f) => (f === 'c' ? null : f));
    expect(Object.fromEntries(s)).toEqual({ a: 0.25, b: 0.75 });
  });

  it('gives 0 shares when every importance is 0', () => {
    expect(Object.fromEntries(learnedShares({ a: 0 }, (f) => f))).toEqual({ a: 0 });
  });

  it('refuses a negative importance (pass |coefficient|)', () => {
    expect(() => learnedShares({ a: -1 }, (f) => f)).toThrow(/≥ 0/);
  });
});
