import { describe, expect, it } from 'vitest';
import { kendallTauB, spearmanRho } from '../../src/ahp/rank-correlation.ts';
import { describePython, runPython } from '../support/python.ts';

describe('kendallTauB', () => {
  it('is 1/3 for one swapped pair of three (hand-checked: 2 concordant, 1 discordant)', () => {
    expect(kendallTauB([1, 2, 3], [1, 3, 2])).toBeCloseTo(1 / 3, 14);
  });
  it('is null when one side is constant, and for fewer than two items', () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTauB([1], [2])).toBeNull();
  });
});

describe('spearmanRho', () => {
  it('is 0.5 for one swapped pair of three (hand-checked)', () => {
    expect(spearmanRho([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 14);
  });
  it('is null when undefined', () => {
    expect(spearmanRho([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeNull();
  });
});

describePython(['scipy'], 'rank correlations against scipy.stats', () => {
  it('match spearmanr and kendalltau (tau-b) on tied weights', () => {
    const cases = [
      [[0.3, 0.25, 0.2, 0.25], [0.12, 0.4, 0.08, 0.4]],
      [[0.4, 0.3, 0.3], [0.5, 0.2, 0.3]],
      [[0.1, 0.2, 0.3, 0.2, 0.1, 0.05, 0.05], [0.3, 0.1, 0.1, 0.2, 0.2, 0.05, 0.05]],
    ];
    const ref = runPython<Array<[number, number]>>(
      `import json, sys
from scipy.stats import spearmanr, kendalltau
print(json.dumps([[spearmanr(x, y).correlation, kendalltau(x, y).correlation] for x, y in json.load(sys.stdin)]))`,
      cases,
    );
    cases.forEach(([x, y], k) => {
      expect(spearmanRho(x, y)).toBeCloseTo(ref[k][0], 12);
      expect(kendallTauB(x, y)).toBeCloseTo(ref[k][1], 12);
    });
  });
});
