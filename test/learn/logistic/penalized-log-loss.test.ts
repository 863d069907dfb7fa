import { describe, expect, it } from 'vitest';
import { penalizedLogLoss, penalizedLogLossHessian, softplus } from '../../../src/learn/logistic/penalized-log-loss.ts';
import { matrix } from '../../../src/learn/matrix.ts';

const problem = {
  x: matrix(3, 2, Float64Array.from([1, 2, -1, 0.5, 0.3, -2])),
  y: Float64Array.from([1, 0, 1]),
  w: Float64Array.from([1, 2, 0.5]),
  C: 0.7,
};

describe('penalizedLogLoss', () => {
  it('is Σw·ln 2 at θ = 0 (every probability ½)', () => {
    expect(penalizedLogLoss(problem, new Float64Array(3), new Float64Array(3))).toBeCloseTo(3.5 * Math.LN2, 14);
  });

  it('has the gradient of its own central finite differences', () => {
    const theta = Float64Array.from([0.4, -0.3, 0.2]);
    const g = new Float64Array(3);
    penalizedLogLoss(problem, theta, g);
    const h = 1e-6;
    for (let k = 0; k < 3; k++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += h;
      down[k] -= h;
      const fd = (penalizedLogLoss(problem, up, new Float64Array(3)) - penalizedLogLoss(problem, down, new Float64Array(3))) / (2 * h);
      expect(g[k]).toBeCloseTo(fd, 7);
    }
  });

  it('does not penalise the intercept', () => {
    const g = new Float64Array(3);
    const base = penalizedLogLoss({ ...problem, w: null }, Float64Array.from([0, 0, 5]), g);
    // Only the loss changes with b: Σ softplus(5) − y·5 over rows (y = 1, 0, 1).
    expect(base).toBeCloseTo(3 * softplus(5) - 10, 12);
  });
});

describe('softplus', () => {
  it('does not overflow for large margins', () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
  });
});

describe('penalizedLogLossHessian', () => {
  it('equals the finite differences of the gradient, intercept unpenalised', () => {
    const theta = Float64Array.from([0.4, -0.3, 0.2]);
    const h = penalizedLogLossHessian(problem, theta);
    const eps = 1e-6;
    for (let k = 0; k < 3; k++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += eps;
      down[k] -= eps;
      const gu = new Float64Array(3);
      const gd = new Float64Array(3);
      penalizedLogLoss(problem, up, gu);
      penalizedLogLoss(problem, down, gd);
      for (let j = 0; j < 3; j++) expect(h[j * 3 + k]).toBeCloseTo((gu[j] - gd[j]) / (2 * eps), 6);
    }
  });
});

describe('penalizedLogLossHessian from a row sample', () => {
  it('on rows that come in identical pairs, every other row scaled by 2 gives the full Hessian', () => {
    const pairs = {
      x: matrix(4, 2, Float64Array.from([1, 2, 1, 2, -1, 0.5, -1, 0.5])),
      y: Float64Array.from([1, 1, 0, 0]),
      w: null,
      C: 0.7,
    };
    const theta = Float64Array.from([0.4, -0.3, 0.2]);
    const full = penalizedLogLossHessian(pairs, theta);
    const sampled = penalizedLogLossHessian(pairs, theta, Int32Array.of(0, 2));
    for (let k = 0; k < 9; k++) expect(sampled[k]).toBeCloseTo(full[k], 14);
  });
});
