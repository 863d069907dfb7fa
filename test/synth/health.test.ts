import { describe, expect, it } from 'vitest';
import { HEALTH, HEALTH_STATIONARY_SD, healthShock, healthStep } from '../../src/synth/health.ts';
import { customerRng } from '../../src/synth/random.ts';

describe('healthStep', () => {
  // An AR(1) x' = μ + φ(x − μ) + σε has stationary variance σ²/(1 − φ²) (Hamilton, Time Series Analysis, eq. 3.4.4).
  it('wanders around its level with the AR(1) stationary spread', () => {
    const rng = customerRng(3, 0);
    const level = 0.5;
    let h = level;
    let sum = 0;
    let sumSq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      h = healthStep(rng, h, level);
      sum += h;
      sumSq += h * h;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(level, 1);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(HEALTH_STATIONARY_SD, 1);
  });

  it('pulls a shocked customer back towards its level', () => {
    const rng = customerRng(3, 1);
    let h = -3;
    for (let i = 0; i < 52; i++) h = healthStep(rng, h, 0);
    expect(h).toBeGreaterThan(-2);
  });
});

describe('healthShock', () => {
  it('is rare and, when it comes, between the documented bounds', () => {
    const rng = customerRng(3, 2);
    let count = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = healthShock(rng);
      if (s > 0) {
        count++;
        expect(s).toBeGreaterThanOrEqual(HEALTH.shockMin);
        expect(s).toBeLessThan(HEALTH.shockMax);
      }
    }
    expect(count / 100_000).toBeCloseTo(HEALTH.shockRate, 2);
  });
});
