import { describe, expect, it } from 'vitest';
import { consistencyIndex } from '../../src/ahp/consistency-index.ts';
import { consistencyRatio } from '../../src/ahp/consistency-ratio.ts';
import { lambdaMax } from '../../src/ahp/lambda-max.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';
import { principalEigenvector } from '../../src/ahp/principal-eigenvector.ts';
import { randomIndex } from '../../src/ahp/random-index.ts';
import { DRINKS } from './examples.ts';

describe('consistencyIndex', () => {
  it('is (λmax − n) / (n − 1)', () => {
    expect(consistencyIndex(4.3, 4)).toBeCloseTo(0.1, 12);
  });
  it('is 0 for two criteria, which are always consistent', () => {
    expect(consistencyIndex(2.5, 2)).toBe(0);
  });
});

describe('randomIndex', () => {
  it('follows the Saaty (2005) table, as AHPy’s "saaty" option', () => {
    expect([3, 4, 5, 7, 10, 15].map(randomIndex)).toEqual([0.52, 0.89, 1.11, 1.35, 1.49, 1.59]);
  });
  it('has no value beyond 15 criteria', () => {
    expect(() => randomIndex(16)).toThrow(/1–15/);
  });
});

describe('consistencyRatio', () => {
  it("gives Saaty's drinks example CR 0.022 (Saaty 2008; AHPy test_drinks_cr_saaty)", () => {
    const e = principalEigenvector(pairwiseMatrix(DRINKS.rows));
    expect(consistencyRatio(e.lambdaMax, 7)).toBeCloseTo(DRINKS.consistencyRatio, 3);
  });
  it('is 0 for n ≤ 2', () => {
    expect(consistencyRatio(2, 2)).toBe(0);
  });
});

describe('lambdaMax', () => {
  it('equals the eigenvalue when given the principal eigenvector', () => {
    const m = pairwiseMatrix(DRINKS.rows);
    const e = principalEigenvector(m);
    expect(lambdaMax(m, e.weights)).toBeCloseTo(e.lambdaMax, 9);
  });
  it('is n for a consistent matrix (hand-checked 2 × 2)', () => {
    expect(lambdaMax(pairwiseMatrix([[1, 2], [0.5, 1]]), [2 / 3, 1 / 3])).toBeCloseTo(2, 12);
  });
});
