import { beforeAll, describe, expect, it } from 'vitest';
import { ksStatistic } from '../../src/evaluate/ks-statistic.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('ksStatistic', () => {
  it('is 1 when the classes are perfectly separated', () => {
    expect(ksStatistic(new Float64Array([0.1, 0.2, 0.8, 0.9]), new Uint8Array([0, 0, 1, 1]))).toBe(1);
  });

  it('is 0 for a constant score (ties are one threshold)', () => {
    expect(ksStatistic(new Float64Array(4).fill(0.5), new Uint8Array([0, 1, 0, 1]))).toBe(0);
  });
});

describePython(['scipy'], 'ksStatistic against scipy ks_2samp', () => {
  const samples = [31, 32].map((seed) => randomScored(1200, seed, 2));
  let expected: number[] = [];
  beforeAll(() => {
    expected = runPython<number[]>(
      `import json, sys\nimport numpy as np\nfrom scipy.stats import ks_2samp\nd = json.load(sys.stdin)\nout = []\nfor s in d:\n    x, y = np.array(s["s"]), np.array(s["y"])\n    out.append(ks_2samp(x[y == 1], x[y == 0]).statistic)\nprint(json.dumps(out))`,
      samples.map((s) => ({ s: [...s.scores], y: [...s.labels] })),
    );
  });

  it('matches the two-sample KS statistic', () => {
    samples.forEach((s, k) => expect(ksStatistic(s.scores, s.labels)).toBeCloseTo(expected[k], 14));
  });
});
