import { describe, expect, it } from 'vitest';
import { isComplete, matrixRows, pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';

describe('pairwiseMatrix', () => {
  it('stores rows row-major with NaN for a missing judgment, and gives them back with null', () => {
    const m = pairwiseMatrix([[1, 3, null], [1 / 3, 1, 2], [null, 0.5, 1]]);
    expect(m.n).toBe(3);
    expect(m.values[1]).toBe(3);
    expect(Number.isNaN(m.values[2])).toBe(true);
    expect(isComplete(m)).toBe(false);
    expect(matrixRows(m)[0]).toEqual([1, 3, null]);
  });

  it('throws on a ragged matrix (a caller bug: configs are checked first)', () => {
    expect(() => pairwiseMatrix([[1, 2], [1]])).toThrow(/row 1/);
  });
});
