import { describe, expect, it } from 'vitest';
import { applyCalibrator, CalibratorSpec, fitCalibrator } from '../../src/calibrate/calibrator.ts';
import { sigmoidAll } from '../../src/calibrate/sigmoid.ts';
import { expectedCalibrationError } from '../../src/evaluate/expected-calibration-error.ts';
import { bernoulli, randomNormal } from '../evaluate/random-scores.ts';

const sig = (v: number) => 1 / (1 + Math.exp(-v));

/** A split whose true churn log-odds are z − 1 and whose model margin is distort(z). */
function split(n: number, seed: number, distort: (z: number) => number) {
  const z = randomNormal(n, seed);
  const labels = bernoulli(Float64Array.from(z, (v) => sig(v - 1)), seed + 1);
  return { margins: Float64Array.from(z, distort), labels };
}

const cases: Array<[string, (z: number) => number]> = [
  ['overconfident margins (×3)', (v) => 3 * (v - 1)],
  ['underconfident margins (×0.3)', (v) => 0.3 * (v - 1)],
  ['shifted margins (+1.5)', (v) => v - 1 + 1.5],
];

describe.each(cases)('calibrating %s', (_name, distort) => {
  const calib = split(3000, 121, distort);
  const test = split(3000, 131, distort);
  const before = expectedCalibrationError(sigmoidAll(test.margins), test.labels);

  it.each(['platt', 'isotonic'] as const)('%s reduces the held-out ECE to under a third', (kind) => {
    const spec = fitCalibrator(kind, calib.margins, calib.labels);
    const after = expectedCalibrationError(applyCalibrator(spec, test.margins), test.labels);
    expect(before).toBeGreaterThan(0.05);
    expect(after).toBeLessThan(before / 3);
  });
});

describe('CalibratorSpec', () => {
  const calib = split(500, 141, (v) => 2 * v);

  it.each(['platt', 'isotonic'] as const)('round-trips a fitted %s calibrator through JSON', (kind) => {
    const spec = fitCalibrator(kind, calib.margins, calib.labels);
    const back = CalibratorSpec.parse(JSON.parse(JSON.stringify(spec)));
    expect(applyCalibrator(back, calib.margins)).toEqual(applyCalibrator(spec, calib.margins));
  });

  it('rejects isotonic steps that decrease', () => {
    expect(CalibratorSpec.safeParse({ kind: 'isotonic', x: [0.1, 0.5], y: [0.6, 0.2] }).success).toBe(false);
  });

  it('rejects an unknown kind', () => {
    expect(CalibratorSpec.safeParse({ kind: 'beta', a: 1, b: 0 }).success).toBe(false);
  });
});
