import { beforeAll, describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../../src/evaluate/expected-calibration-error.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('expectedCalibrationError', () => {
  it('weights each bin gap by the bin size (hand-computed)', () => {
    // bin 1: predicted 0.05 twice, observed 1/2 → gap 0.45, weight 2/4; bin 10: 0.95 vs 1 → 0.05, weight 2/4
    const ece = expectedCalibrationError(new Float64Array([0.05, 0.05, 0.95, 0.95]), new Uint8Array([0, 1, 1, 1]));
    expect(ece).toBeCloseTo(0.25, 15);
  });

  it('is 0 when every bin predicts its observed rate', () => {
    expect(expectedCalibrationError(new Float64Array([0.25, 0.25, 0.25, 0.25]), new Uint8Array([1, 0, 0, 0]))).toBe(0);
  });
});

describePython(['sklearn'], 'expectedCalibrationError from scikit-learn calibration_curve bins', () => {
  const s = randomScored(2000, 52, 3);
  let expected = 0;
  beforeAll(() => {
    // ECE = Σ_b (n_b/n)|prob_true_b − prob_pred_b| over calibration_curve's non-empty uniform bins.
    expected = runPython<number>(
      `import json, sys\nimport numpy as np\nfrom sklearn.calibration import calibration_curve\nd = json.load(sys.stdin)\np = np.array(d["s"]); y = np.array(d["y"])\nt, m = calibration_curve(y, p, n_bins=10)\nids = np.searchsorted(np.linspace(0, 1, 11)[1:-1], p)\nn = np.bincount(ids, minlength=10); n = n[n > 0]\nprint(json.dumps(float(np.sum(n / len(p) * np.abs(t - m)))))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('matches to 1e-12', () => {
    expect(Math.abs(expectedCalibrationError(s.scores, s.labels) - expected)).toBeLessThan(1e-12);
  });
});
