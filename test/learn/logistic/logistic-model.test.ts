import { describe, expect, it } from 'vitest';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import type { LogisticSpec } from '../../../src/learn/logistic/logistic-spec.ts';
import { matrix } from '../../../src/learn/matrix.ts';

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
    expect(Array.from(probabilities)).toEqual([1 / (1 + Math.exp(-1.25)), 1 / (1 + Math.exp(0.25))]);
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
});
