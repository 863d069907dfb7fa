import { describe, expect, it } from 'vitest';
import { applyCalibrator } from '../../src/calibrate/calibrator.ts';
import { CalibratorChoice, chooseCalibrator } from '../../src/calibrate/choose-calibrator.ts';
import { logLoss } from '../../src/evaluate/log-loss.ts';
import { bernoulli, randomNormal } from '../evaluate/random-scores.ts';

const sig = (v: number) => 1 / (1 + Math.exp(-v));

function split(n: number, seed: number, trueLogOdds: (z: number) => number) {
  const z = randomNormal(n, seed);
  return { margins: z, labels: bernoulli(Float64Array.from(z, (v) => sig(trueLogOdds(v))), seed + 1) };
}

describe('chooseCalibrator', () => {
  it('keeps Platt when the distortion is a sigmoid and the calibration split is small', () => {
    // Isotonic's steps overfit 150 rows; Platt's two parameters do not.
    const c = chooseCalibrator(split(150, 151, (v) => 0.5 * v), split(3000, 153, (v) => 0.5 * v));
    expect(c.chosen).toBe('platt');
    expect(c.validationLogLoss.platt).toBeLessThan(c.validationLogLoss.isotonic);
  });

  it('keeps isotonic when the distortion is not a sigmoid and data are plentiful', () => {
    // Churn risk jumps at margin 0: a step no sigmoid of the margin can follow.
    const step = (v: number) => (v > 0 ? 2 : -2) + 0.1 * v;
    const c = chooseCalibrator(split(6000, 161, step), split(6000, 163, step));
    expect(c.chosen).toBe('isotonic');
  });

  it('records both losses, and the kept calibrator really has the lower one', () => {
    const calib = split(1000, 171, (v) => 2 * v);
    const valid = split(1000, 173, (v) => 2 * v);
    const c = CalibratorChoice.parse(chooseCalibrator(calib, valid));
    const kept = logLoss(applyCalibrator(c.calibrator, valid.margins), valid.labels);
    expect(kept).toBe(Math.min(c.validationLogLoss.platt, c.validationLogLoss.isotonic));
    expect(c.calibrator.kind).toBe(c.chosen);
    expect(c.calibrationRows).toBe(1000);
    expect(c.validationLogLoss.uncalibrated).toBeGreaterThan(kept);
  });
});
