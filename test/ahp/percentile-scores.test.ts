import { describe, expect, it } from 'vitest';
import { percentileScores } from '../../src/ahp/percentile-scores.ts';
import { describePython, runPython } from '../support/python.ts';

describe('percentileScores', () => {
  it('maps lowest to 0 and highest to 100, ties sharing their mid-rank (hand-checked)', () => {
    expect(Array.from(percentileScores([10, 20, 20, 40]))).toEqual([0, 50, 50, 100]);
  });

  it('scores missing values 50 and leaves them out of the ranking', () => {
    expect(Array.from(percentileScores([Number.NaN, 3, 1]))).toEqual([50, 100, 0]);
  });

  it('scores a lone value and an all-tied column 50', () => {
    expect(Array.from(percentileScores([7]))).toEqual([50]);
    expect(Array.from(percentileScores([2, 2, 2]))).toEqual([50, 50, 50]);
  });
});

describePython(['scipy'], 'percentileScores against scipy.stats.rankdata', () => {
  it('equals 100·(rankdata(average) − 1)/(n − 1) on tied data', () => {
    const values = Array.from({ length: 200 }, (_, i) => Math.floor(((i * 7919) % 113) / 9));
    const ref = runPython<number[]>(
      `import json, sys
from scipy.stats import rankdata
v = json.load(sys.stdin)
r = rankdata(v, method="average")
print(json.dumps([100 * (x - 1) / (len(v) - 1) for x in r]))`,
      values,
    );
    const ours = percentileScores(values);
    ref.forEach((p, i) => expect(ours[i]).toBeCloseTo(p, 10));
  });
});
