import { beforeAll, describe, expect, it } from 'vitest';
import { logLoss } from '../../src/evaluate/log-loss.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('logLoss', () => {
  it('gives the hand-computed value', () => {
    // −(ln 0.9 + ln 0.9 + ln 0.8 + ln 0.7) / 4
    const want = -(2 * Math.log(0.9) + Math.log(0.8) + Math.log(0.7)) / 4;
    expect(logLoss(new Float64Array([0.1, 0.9, 0.8, 0.3]), new Uint8Array([0, 1, 1, 0]))).toBeCloseTo(want, 15);
  });

  it('stays finite for a confident mistake, clipped at float64 epsilon', () => {
    // sklearn 1.2: log_loss([1, 0], [0.0, 0.0]) == -ln(2.220446049250313e-16) / 2 ≈ 18.0218
    expect(logLoss(new Float64Array([0, 0]), new Uint8Array([1, 0]))).toBeCloseTo(-Math.log(2.220446049250313e-16) / 2, 10);
  });
});

describePython(['sklearn'], 'logLoss against scikit-learn log_loss', () => {
  const s = randomScored(1000, 42, 2); // two decimals: includes exact 0 and 1 probabilities
  let expected = 0;
  beforeAll(() => {
    expected = runPython<number>(
      `import json, sys\nfrom sklearn.metrics import log_loss\nd = json.load(sys.stdin)\nprint(json.dumps(log_loss(d["y"], d["s"])))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('matches to 1e-12, clipping included', () => {
    expect(s.scores.includes(0) || s.scores.includes(1)).toBe(true);
    expect(Math.abs(logLoss(s.scores, s.labels) - expected)).toBeLessThan(1e-12);
  });
});
