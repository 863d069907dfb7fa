import { describe, expect, it } from 'vitest';
import { aggregateJudgments } from '../../src/ahp/group-judgments.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';

describe('aggregateJudgments', () => {
  it('takes the element-wise geometric mean (√(2·8) = 4)', () => {
    const m = aggregateJudgments([pairwiseMatrix([[1, 2], [0.5, 1]]), pairwiseMatrix([[1, 8], [0.125, 1]])]);
    expect(m.values[1]).toBeCloseTo(4, 12);
    expect(m.values[2]).toBeCloseTo(0.25, 12);
  });

  it('keeps the result reciprocal (Aczél & Saaty 1983)', () => {
    const m = aggregateJudgments([
      pairwiseMatrix([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]),
      pairwiseMatrix([[1, 1 / 2, 7], [2, 1, 9], [1 / 7, 1 / 9, 1]]),
      pairwiseMatrix([[1, 4, 1], [1 / 4, 1, 1 / 3], [1, 3, 1]]),
    ]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(m.values[i * 3 + j] * m.values[j * 3 + i]).toBeCloseTo(1, 12);
  });

  it('averages a cell over the judges who gave it, and leaves it missing when nobody did', () => {
    const m = aggregateJudgments([
      pairwiseMatrix([[1, 3, null], [1 / 3, 1, null], [null, null, 1]]),
      pairwiseMatrix([[1, null, null], [null, 1, 2], [null, 0.5, 1]]),
    ]);
    expect(m.values[1]).toBeCloseTo(3, 12);
    expect(m.values[5]).toBeCloseTo(2, 12);
    expect(Number.isNaN(m.values[2])).toBe(true);
  });
});
