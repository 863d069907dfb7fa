import { describe, expect, it } from 'vitest';
import { consistentMatrix } from '../../src/ahp/consistent-matrix.ts';
import { geometricMeanWeights } from '../../src/ahp/geometric-mean-weights.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';
import { DRINKS } from './examples.ts';

describe('geometricMeanWeights', () => {
  it('is the normalised row geometric mean (hand-checked: rows (1,4) and (1/4,1) give 2 and 1/2)', () => {
    expect(Array.from(geometricMeanWeights(pairwiseMatrix([[1, 4], [0.25, 1]])))).toEqual([
      expect.closeTo(0.8, 14),
      expect.closeTo(0.2, 14),
    ]);
  });

  it('equals the generating weights for a consistent matrix', () => {
    const w = geometricMeanWeights(consistentMatrix([0.1, 0.2, 0.3, 0.4]));
    [0.1, 0.2, 0.3, 0.4].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 12));
  });

  it("stays within 0.003 of Saaty's published eigenvector priorities on the drinks example", () => {
    const w = geometricMeanWeights(pairwiseMatrix(DRINKS.rows));
    DRINKS.weights.forEach((p, i) => expect(Math.abs(w[i] - p)).toBeLessThan(0.003));
  });
});
