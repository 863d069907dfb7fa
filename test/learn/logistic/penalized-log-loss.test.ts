import { describe, expect, it } from 'vitest';
import { softplus } from '../../../src/calibrate/softplus.ts';
import { penalizedLogLoss, penalizedLogLossHessian } from '../../../src/learn/logistic/penalized-log-loss.ts';
import type { LogisticProblem } from '../../../src/learn/logistic/penalized-log-loss.ts';
import { sampleRows } from '../../../src/learn/logistic/row-sample.ts';
import { poolWorkersUp } from '../../support/pool-workers.ts';
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

describe('penalizedLogLoss and penalizedLogLossHessian on the worker pool', () => {
  /** 400,000 rows × 8 in shared memory, unequal weights: each of the four shares takes a few ms. */
  function sharedProblem(): LogisticProblem {
    const rows = 400_000;
    const p = 8;
    const alloc = (n: number) => new Float64Array(new SharedArrayBuffer(n * 8));
    const data = alloc(rows * p);
    const y = alloc(rows);
    const w = alloc(rows);
    for (let k = 0; k < data.length; k++) data[k] = Math.sin(k * 0.37) * (1 + (k % 7));
    for (let i = 0; i < rows; i++) {
      y[i] = Math.cos(i * 1.3) > 0.2 ? 1 : 0;
      w[i] = 1 + (i % 3) * 0.5;
    }
    return { x: matrix(rows, p, data), y, w, C: 0.7 };
  }

  it('gives the loss, gradient and sampled Hessian bit for bit as one thread, with 2, 3 and 4 threads', async () => {
    const shared = sharedProblem();
    const p = shared.x.cols;
    const theta = Float64Array.from({ length: p + 1 }, (_, j) => 0.1 * (j - 3));
    const sample = Int32Array.from(sampleRows(shared.x.rows, 65_536));
    const sharedSample = new Int32Array(new SharedArrayBuffer(sample.length * 4));
    sharedSample.set(sample);
    const alone = new Float64Array(p + 1);
    const fAlone = penalizedLogLoss(shared, theta, alone);
    const hAlone = penalizedLogLossHessian(shared, theta, sample);
    await poolWorkersUp(4);
    for (const threads of [2, 3, 4, 4]) {
      const together = new Float64Array(p + 1);
      expect(Object.is(penalizedLogLoss(shared, theta, together, threads), fAlone)).toBe(true);
      expect(Array.from(together)).toEqual(Array.from(alone));
      expect(Array.from(penalizedLogLossHessian(shared, theta, sharedSample, threads))).toEqual(Array.from(hAlone));
    }
  });
});
