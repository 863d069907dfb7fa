import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/evaluate/quantile.ts';

describe('quantileSorted', () => {
  it('interpolates linearly like numpy', () => {
    // np.quantile([1, 2, 3, 4], [0.5, 0.025, 0.975]) -> [2.5, 1.075, 3.925]
    const x = new Float64Array([1, 2, 3, 4]);
    expect(quantileSorted(x, 0.5)).toBe(2.5);
    expect(quantileSorted(x, 0.025)).toBeCloseTo(1.075, 15);
    expect(quantileSorted(x, 0.975)).toBeCloseTo(3.925, 15);
  });

  it('returns the extremes at 0 and 1', () => {
    expect(quantileSorted([3, 7], 0)).toBe(3);
    expect(quantileSorted([3, 7], 1)).toBe(7);
  });
});
