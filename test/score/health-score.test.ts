import { describe, expect, it } from 'vitest';
import { healthScore, healthScores } from '../../src/score/health-score.ts';

describe('healthScore', () => {
  it('reads a 20% churn probability as score 80', () => {
    expect(healthScore(0.2)).toBe(80);
  });

  it('maps certainty of churn to 0 and of staying to 100', () => {
    expect(healthScore(1)).toBe(0);
    expect(healthScore(0)).toBe(100);
  });

  it('rounds halves up, even where 100 × (1 − p) lands a hair below the half', () => {
    // 100 × (1 − 0.425) = 57.49999999999999 in float64; the score is 58 like p = 0.205 → 80.
    expect(healthScore(0.205)).toBe(80);
    expect(healthScore(0.425)).toBe(58);
  });

  it('rejects a value that is not a probability', () => {
    expect(() => healthScore(1.2)).toThrow(/\[0, 1\]/);
    expect(() => healthScore(Number.NaN)).toThrow(/\[0, 1\]/);
  });

  it('scores a whole column', () => {
    expect([...healthScores(new Float64Array([0.1, 0.55, 0.9]))]).toEqual([90, 45, 10]);
  });

  it('scores a column exactly as healthScore scores each value, halves and near-halves included', () => {
    const p = [0, 1, 0.205, 0.425, 0.005, 0.995, 0.5, 0.125 + 1e-12, 0.125 - 1e-12, 0.3749999999, ...Array.from({ length: 2000 }, (_, i) => i / 1999)];
    expect([...healthScores(Float64Array.from(p))]).toEqual(p.map(healthScore));
  });

  it('rejects a column holding a value that is not a probability', () => {
    expect(() => healthScores(new Float64Array([0.2, Number.NaN]))).toThrow(/\[0, 1\]/);
  });
});
