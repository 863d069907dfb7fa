import { describe, expect, it } from 'vitest';
import { pick, thinIndices } from '../../src/evaluate/thin-curve.ts';

describe('thinIndices', () => {
  it('keeps every point of a short curve', () => {
    expect(thinIndices(3, 5)).toEqual([0, 1, 2]);
  });

  it('keeps the ends and spaces the rest evenly', () => {
    expect(thinIndices(11, 3)).toEqual([0, 5, 10]);
    expect(pick([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], thinIndices(11, 3))).toEqual([5, 10, 15]);
  });
});
