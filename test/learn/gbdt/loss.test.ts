import { describe, expect, it } from 'vitest';
import { baselineMargin, gradients, meanLogLoss } from '../../../src/learn/gbdt/loss.ts';

describe('log-loss', () => {
  it('starts from the log-odds of the training churn rate', () => {
    // 1 positive in 4: log(0.25 / 0.75) = −log 3.
    expect(baselineMargin(Uint8Array.from([1, 0, 0, 0]))).toBeCloseTo(-Math.log(3), 15);
  });

  it('refuses labels of a single class', () => {
    expect(() => baselineMargin(Uint8Array.from([0, 0]))).toThrow(/one class/);
  });

  it('has gradient p − y and hessian p(1 − p)', () => {
    const g = new Float64Array(2);
    const h = new Float64Array(2);
    gradients(Uint8Array.from([1, 0]), Float64Array.from([0, Math.log(3)]), g, h);
    expect(g[0]).toBe(-0.5);
    expect(g[1]).toBeCloseTo(0.75, 15);
    expect(h[0]).toBeCloseTo(0.25, 15);
    expect(h[1]).toBeCloseTo(0.1875, 15);
  });

  it('matches scikit-learn log_loss', () => {
    // sklearn.metrics.log_loss([1, 0, 1], expit([1, 0, -2])) = 1.0444456263737...
    expect(meanLogLoss(Uint8Array.from([1, 0, 1]), Float64Array.from([1, 0, -2]))).toBeCloseTo(1.0444456264, 9);
  });

  it('stays finite for extreme margins', () => {
    expect(meanLogLoss(Uint8Array.from([0]), Float64Array.from([-800]))).toBe(0);
  });
});
