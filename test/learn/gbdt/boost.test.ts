import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { meanLogLoss } from '../../../src/learn/gbdt/loss.ts';
import { synthetic } from './dataset.ts';

describe('trainGbdt', () => {
  it('lowers the training log-loss below the constant model', () => {
    const { x, y } = synthetic(2000, 5, 11);
    const { model } = trainGbdt(x, y, { maxIter: 30 });
    const constant = meanLogLoss(y, new Float64Array(x.rows).fill(model.baseline));
    expect(meanLogLoss(y, model.margin(x))).toBeLessThan(constant - 0.1);
  });

  it('learns where missing values go: a missing value that signals churn raises the margin', () => {
    // Feature 0 is missing for 90% of churners and 10% of the others; known values carry no signal.
    const n = 2000;
    const data = new Float64Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 2;
      const missing = y[i] === 1 ? i % 20 !== 1 : i % 20 === 0;
      data[i * 2] = missing ? NaN : (i * 37) % 101;
      data[i * 2 + 1] = (i * 53) % 97;
    }
    const { model } = trainGbdt({ rows: n, cols: 2, data }, y, { maxIter: 20 });
    const probe = { rows: 2, cols: 2, data: Float64Array.from([NaN, 50, 50, 50]) };
    const [missing, known] = model.margin(probe);
    expect(missing).toBeGreaterThan(1.5);
    expect(known).toBeLessThan(-1.5);
  });

  it('respects an increasing monotone constraint on a grid of inputs', () => {
    // The true effect of feature 3 is sin(3·x): up, down, up. Constrained, the margin never falls.
    const { x, y } = synthetic(3000, 4, 12);
    const { model } = trainGbdt(x, y, { maxIter: 40, monotone: [0, 0, 0, 1], minSamplesLeaf: 5 });
    const base = synthetic(20, 4, 99).x;
    const grid = 101;
    for (let r = 0; r < base.rows; r++) {
      const probe = new Float64Array(grid * 4);
      for (let k = 0; k < grid; k++) {
        probe.set(base.data.subarray(r * 4, r * 4 + 4), k * 4);
        probe[k * 4 + 3] = -1.2 + (2.4 * k) / (grid - 1);
      }
      const m = model.margin({ rows: grid, cols: 4, data: probe });
      for (let k = 1; k < grid; k++) expect(m[k]).toBeGreaterThanOrEqual(m[k - 1] - 1e-12);
    }
  });

  it('without the constraint, the same data gives a margin that falls somewhere on the grid', () => {
    // Guards the test above: it would pass trivially if feature 3 were never used.
    const { x, y } = synthetic(3000, 4, 12);
    const { model } = trainGbdt(x, y, { maxIter: 40, minSamplesLeaf: 5 });
    const probe = new Float64Array(101 * 4);
    for (let k = 0; k < 101; k++) probe[k * 4 + 3] = -1.2 + (2.4 * k) / 100;
    const m = model.margin({ rows: 101, cols: 4, data: probe });
    expect(m.some((v, k) => k > 0 && v < m[k - 1] - 1e-6)).toBe(true);
  });

  it('is deterministic for a seed, with row and column subsampling', () => {
    const { x, y } = synthetic(1500, 6, 13);
    const p = { maxIter: 10, subsample: 0.7, colsampleByTree: 0.5, seed: 42 };
    const a = trainGbdt(x, y, p).model.margin(x);
    const b = trainGbdt(x, y, p).model.margin(x);
    const c = trainGbdt(x, y, { ...p, seed: 43 }).model.margin(x);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('stops early on the validation split and keeps the best iteration', () => {
    const train = synthetic(600, 5, 14);
    const valid = synthetic(600, 5, 15);
    const r = trainGbdt(train.x, train.y, { maxIter: 500, learningRate: 0.5, minSamplesLeaf: 2, nIterNoChange: 5 }, valid);
    expect(r.validLoss.length).toBeLessThan(500);
    const best = Math.min(...r.validLoss);
    expect(r.bestIteration).toBe(r.validLoss.indexOf(best) + 1);
    expect(r.model.trees.length).toBe(r.bestIteration);
    expect(meanLogLoss(valid.y, r.model.margin(valid.x))).toBeCloseTo(best, 12);
  });

  it('throws on labels that are not 0/1 and on mismatched shapes', () => {
    const { x } = synthetic(10, 2, 1);
    expect(() => trainGbdt(x, new Uint8Array(10).fill(2))).toThrow(/not 0\/1/);
    expect(() => trainGbdt(x, new Uint8Array(9))).toThrow(/labels/);
    expect(() => trainGbdt(x, Uint8Array.from({ length: 10 }, (_, i) => i % 2), { monotone: [1] })).toThrow(/monotone/);
  });
});
