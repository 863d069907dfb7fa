import { beforeAll, describe, expect, it } from 'vitest';
import { brierScore } from '../../src/evaluate/brier-score.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('brierScore', () => {
  it('gives the sklearn doc example value', () => {
    // sklearn docs: brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) == 0.0375
    expect(brierScore(new Float64Array([0.1, 0.9, 0.8, 0.3]), new Uint8Array([0, 1, 1, 0]))).toBeCloseTo(0.0375, 15);
  });
});

describePython(['sklearn'], 'brierScore against scikit-learn brier_score_loss', () => {
  const s = randomScored(1000, 41, 3);
  let expected = 0;
  beforeAll(() => {
    expected = runPython<number>(
      `import json, sys\nfrom sklearn.metrics import brier_score_loss\nd = json.load(sys.stdin)\nprint(json.dumps(brier_score_loss(d["y"], d["s"])))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('matches to 1e-14', () => {
    expect(Math.abs(brierScore(s.scores, s.labels) - expected)).toBeLessThan(1e-14);
  });
});
