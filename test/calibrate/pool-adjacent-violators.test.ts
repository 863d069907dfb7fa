import { beforeAll, describe, expect, it } from 'vitest';
import { poolAdjacentViolators } from '../../src/calibrate/pool-adjacent-violators.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomNormal } from '../evaluate/random-scores.ts';

describe('poolAdjacentViolators', () => {
  it('pools a violating pair into its mean', () => {
    // sklearn: isotonic_regression([1, 3, 2, 4]) -> [1, 2.5, 2.5, 4]
    expect([...poolAdjacentViolators([1, 3, 2, 4])]).toEqual([1, 2.5, 2.5, 4]);
  });

  it('backtracks when a pooled block undercuts its left neighbour', () => {
    // sklearn: isotonic_regression([1, 5, 4, 0]) -> [1, 3, 3, 3]
    expect([...poolAdjacentViolators([1, 5, 4, 0])]).toEqual([1, 3, 3, 3]);
  });

  it('uses the weights in the pooled means', () => {
    // sklearn: isotonic_regression([2, 1], sample_weight=[3, 1]) -> [1.75, 1.75]
    expect([...poolAdjacentViolators([2, 1], [3, 1])]).toEqual([1.75, 1.75]);
  });

  it('leaves a non-decreasing input unchanged', () => {
    expect([...poolAdjacentViolators([0, 0, 1, 1])]).toEqual([0, 0, 1, 1]);
  });
});

describePython(['sklearn'], 'poolAdjacentViolators against scikit-learn isotonic_regression', () => {
  const y = randomNormal(3000, 91).map((v, i) => v + i / 1000);
  const w = randomNormal(3000, 92).map((v) => 1 + Math.abs(v));
  let expected: number[] = [];
  beforeAll(() => {
    expected = runPython<number[]>(
      `import json, sys\nfrom sklearn.isotonic import isotonic_regression\nd = json.load(sys.stdin)\nprint(json.dumps(isotonic_regression(d["y"], sample_weight=d["w"]).tolist()))`,
      { y: [...y], w: [...w] },
    );
  });

  it('gives bit-identical results on weighted noisy data', () => {
    expect([...poolAdjacentViolators(y, w)]).toEqual(expected);
  });
});
