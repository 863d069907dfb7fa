import { beforeAll, describe, expect, it } from 'vitest';
import { averagePrecision } from '../../src/evaluate/average-precision.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('averagePrecision', () => {
  it('gives the sklearn doc example value', () => {
    // sklearn docs: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
    expect(averagePrecision(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1]))).toBeCloseTo(5 / 6, 15);
  });

  it('equals the base rate for a constant score', () => {
    expect(averagePrecision(new Float64Array(5).fill(0.2), new Uint8Array([1, 0, 0, 1, 0]))).toBeCloseTo(0.4, 15);
  });
});

describePython(['sklearn'], 'averagePrecision against scikit-learn average_precision_score', () => {
  const samples = [21, 22, 23].map((seed) => randomScored(1500, seed, seed === 22 ? 1 : 3));
  let expected: number[] = [];
  beforeAll(() => {
    expected = runPython<number[]>(
      `import json, sys\nfrom sklearn.metrics import average_precision_score\nd = json.load(sys.stdin)\nprint(json.dumps([average_precision_score(s["y"], s["s"]) for s in d]))`,
      samples.map((s) => ({ s: [...s.scores], y: [...s.labels] })),
    );
  });

  it('matches to 1e-12 with ties', () => {
    samples.forEach((s, k) => expect(Math.abs(averagePrecision(s.scores, s.labels) - expected[k])).toBeLessThan(1e-12));
  });
});
