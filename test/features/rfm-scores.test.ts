import { describe, expect, it } from 'vitest';
import { quintileScores, rfmSegment, roundForRank } from '../../src/features/rfm-scores.ts';

describe('quintileScores', () => {
  it('gives 1..5 to five distinct values (the doc example)', () => {
    expect(Array.from(quintileScores([10, 20, 30, 40, 50], true))).toEqual([1, 2, 3, 4, 5]);
  });

  it('reverses for lower-is-better values such as recency', () => {
    expect(Array.from(quintileScores([10, 20, 30, 40, 50], false))).toEqual([5, 4, 3, 2, 1]);
  });

  it('gives ties the same score, the one of their lowest rank (SQL RANK semantics)', () => {
    // Ten values, four zeros: pandas rank(method="min") − 1 gives 0,0,0,0,4,5,6,7,8,9 → 1 + floor(5·w/10).
    const s = quintileScores([0, 0, 0, 0, 1, 2, 3, 4, 5, 6], true);
    expect(Array.from(s)).toEqual([1, 1, 1, 1, 3, 3, 4, 4, 5, 5]);
  });

  it('treats values equal to 6 decimals as ties', () => {
    expect(Array.from(quintileScores([0.1 + 0.2, 0.3], true))).toEqual([1, 1]);
  });
});

describe('roundForRank', () => {
  it('rounds half away from zero like SQL ROUND(x, 6)', () => {
    expect(roundForRank(2.5e-6)).toBe(3e-6);
    expect(roundForRank(-2.5e-6)).toBe(-3e-6);
  });
});

describe('rfmSegment', () => {
  it('maps the R × F grid to the five named cells', () => {
    expect([rfmSegment(5, 5), rfmSegment(3, 4), rfmSegment(1, 5), rfmSegment(5, 1), rfmSegment(2, 2)]).toEqual([
      'champions',
      'loyal',
      'at_risk',
      'promising',
      'hibernating',
    ]);
  });
});
