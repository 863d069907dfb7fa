import { describe, expect, it } from 'vitest';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import type { LogisticSpec } from '../../../src/learn/logistic/logistic-spec.ts';
import { sigmoid } from '../../../src/calibrate/sigmoid.ts';
import { matrix, sharedMatrix } from '../../../src/learn/matrix.ts';
import { poolWorkersUp } from '../../support/pool-workers.ts';

const spec: LogisticSpec = {
  kind: 'logistic',
  featureNames: ['a', 'b', 'c', 'd', 'e'],
  coefficients: [1, -2, 0.5, 3, -1],
  intercept: -0.25,
  fit: {
    C: 1,
    classWeight: null,
    tol: 1e-4,
    rows: 2,
    backend: 'cpu',
    objective: 0,
    gradNorm: 0,
    converged: true,
    lbfgs: { iterations: 0, evaluations: 1, stop: 'gtol', resident: true },
    newton: null,
  },
};
const x = matrix(2, 5, Float64Array.from([1, 1, 1, 1, 1, 2, 0, -2, 0, 1]));

describe('logisticModel', () => {
  const model = logisticModel(spec);

  it('computes the margin x·β + b', () => {
    // Row 1: 1 − 2 + 0.5 + 3 − 1 − 0.25 = 1.25; row 2: 2 − 1 − 1 − 0.25 = −0.25.
    expect(Array.from(model.margin(x))).toEqual([1.25, -0.25]);
  });

  it('gives σ(margin) as the probability, scikit-learn’s predict_proba(X)[:, 1]', () => {
    const into = new Float64Array(3);
    const probabilities = model.probability(x, into);
    expect(probabilities.buffer).toBe(into.buffer);
    expect(Array.from(probabilities)).toEqual([sigmoid(1.25), sigmoid(-0.25)]);
  });

  it('splits each margin into β_j·x_ij contributions on top of the intercept', () => {
    const c = model.contributions(x);
    expect(c.base).toBe(-0.25);
    expect(Array.from(c.values.subarray(5))).toEqual([2, -0, -1, 0, -1]);
    const m = model.margin(x);
    for (let i = 0; i < 2; i++) {
      const sum = c.values.subarray(i * 5, i * 5 + 5).reduce((s, v) => s + v, c.base);
      expect(sum).toBeCloseTo(m[i], 14);
    }
  });

  it('refuses a matrix with the wrong number of columns', () => {
    expect(() => model.margin(matrix(1, 2))).toThrow(/expects 5 columns/);
  });

  it('on a large matrix in shared memory, gives one thread’s margins and probabilities bit for bit with the pool’s threads', async () => {
    // 150,000 × 29 = 4.35M cells, NaN and values over seven orders of magnitude: five pool chunks.
    const rows = 150_000;
    const cols = 29;
    const x = sharedMatrix(rows, cols);
    for (let k = 0; k < x.data.length; k++) x.data[k] = k % 1009 === 0 ? Number.NaN : Math.sin(k * 0.37) * 10 ** ((k % 7) - 3);
    const coefficients = Array.from({ length: cols }, (_, j) => Math.cos(j * 0.7) / (j + 1));
    const big = logisticModel({ ...spec, featureNames: coefficients.map((_, j) => `x${j}`), coefficients });
    const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
    const margins = big.margin(x, undefined, 1);
    const probabilities = big.probability(x, undefined, 1);
    await poolWorkersUp();
    for (const into of [undefined, new Float64Array(rows), new Float64Array(new SharedArrayBuffer(rows * 8))]) {
      expect(sameBits(big.margin(x, into, 2), margins)).toBe(true);
      expect(sameBits(big.probability(x, into, 2), probabilities)).toBe(true);
    }
    expect(sameBits(probabilities, Float64Array.from(margins, sigmoid))).toBe(true);
  });
});
