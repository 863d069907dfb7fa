import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlatt, fitPlatt } from '../../src/calibrate/platt.ts';
import { describePython, runPython } from '../support/python.ts';
import { bernoulli, randomNormal } from '../evaluate/random-scores.ts';

const sig = (v: number) => 1 / (1 + Math.exp(-v));
// True log-odds z; the model reports 3z − 1: overconfident and shifted.
const z = randomNormal(2000, 111);
const labels = bernoulli(Float64Array.from(z, sig), 112);
const margins = Float64Array.from(z, (v) => 3 * v - 1);

describe('fitPlatt', () => {
  it('undoes a known linear distortion of the log-odds (a ≈ −1/3, b ≈ −1/3)', () => {
    // 40,000 rows: the intercept's standard error is then about 0.012.
    const zBig = randomNormal(40000, 113);
    const yBig = bernoulli(Float64Array.from(zBig, sig), 114);
    const { a, b } = fitPlatt(Float64Array.from(zBig, (v) => 3 * v - 1), yBig);
    expect(Math.abs(a + 1 / 3)).toBeLessThan(0.03);
    expect(Math.abs(b + 1 / 3)).toBeLessThan(0.05);
  });

  it('stays finite on a perfectly separated split, thanks to the smoothed targets', () => {
    const { a, b } = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    // With targets 1/4 and 3/4 the best fit cannot be more confident than those targets at ±1.
    const p = applyPlatt({ a, b }, [1]);
    expect(p[0]).toBeLessThan(0.9);
  });
});

describePython(['sklearn'], 'fitPlatt against scikit-learn _sigmoid_calibration', () => {
  const small = { m: [...margins.subarray(0, 300)], y: [...labels.subarray(0, 300)] };
  let expected: { big: [number, number]; small: [number, number] };
  beforeAll(() => {
    expected = runPython(
      `import json, sys\nimport numpy as np\nfrom sklearn.calibration import _sigmoid_calibration\nd = json.load(sys.stdin)\nout = {}\nfor k in ("big", "small"):\n    a, b = _sigmoid_calibration(np.array(d[k]["m"]), np.array(d[k]["y"]))\n    out[k] = [float(a), float(b)]\nprint(json.dumps(out))`,
      { big: { m: [...margins], y: [...labels] }, small },
    );
  });

  it('reaches the same optimum (BFGS stops at gtol 1e-5, hence 1e-5)', () => {
    const big = fitPlatt(margins, labels);
    expect(Math.abs(big.a - expected.big[0])).toBeLessThan(1e-5);
    expect(Math.abs(big.b - expected.big[1])).toBeLessThan(1e-5);
    const s = fitPlatt(small.m, small.y);
    expect(Math.abs(s.a - expected.small[0])).toBeLessThan(1e-5);
    expect(Math.abs(s.b - expected.small[1])).toBeLessThan(1e-5);
  });
});
