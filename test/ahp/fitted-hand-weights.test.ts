import { describe, expect, it } from 'vitest';
import { fittedHandWeights } from '../../src/ahp/fitted-hand-weights.ts';
import { matrix } from '../../src/learn/matrix.ts';
import { describePython, runPython } from '../support/python.ts';

/** Small deterministic sample: 4 indicators on 0–100; churn falls with the first two, rises with the last. */
function sample(n: number) {
  let s = 12345;
  const uniform = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const x = new Float64Array(n * 4);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 4; k++) x[i * 4 + k] = Math.round(100 * uniform());
    const z = 1.5 - 2 * (x[i * 4] / 100) - 1 * (x[i * 4 + 1] / 100) + 0.8 * (x[i * 4 + 3] / 100);
    y[i] = uniform() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { x: matrix(n, 4, x), y };
}

describe('fittedHandWeights', () => {
  const { x, y } = sample(3000);
  const fit = fittedHandWeights(x, y);

  it('converges to non-negative weights that sum to 1', () => {
    expect(fit.converged).toBe(true);
    for (const w of fit.weights) expect(w).toBeGreaterThanOrEqual(0);
    expect(fit.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it('puts the weight where the churn signal is, and none on an indicator that goes the wrong way', () => {
    expect(fit.weights[0]).toBeGreaterThan(fit.weights[1]);
    expect(fit.weights[3]).toBe(0);
    expect(fit.scale).toBeCloseTo(fit.coefficients.reduce((s, b) => s + b, 0), 12);
  });

  it('gives equal weights and scale 0 when no indicator lowers churn', () => {
    const flat = fittedHandWeights(matrix(4, 1, Float64Array.of(0, 100, 0, 100)), Float64Array.of(0, 1, 0, 1));
    expect(Array.from(flat.weights)).toEqual([1]);
    expect(flat.scale).toBe(0);
  });
});

describePython(['scipy', 'numpy'], 'fittedHandWeights against scipy.optimize L-BFGS-B', () => {
  it('reaches the same bound-constrained maximum-likelihood fit', () => {
    const { x, y } = sample(3000);
    const fit = fittedHandWeights(x, y);
    const ref = runPython<{ theta: number[]; loss: number }>(
      `import json, sys, numpy as np
from scipy.optimize import minimize
d = json.load(sys.stdin)
X = np.array(d["x"]).reshape(-1, 4) / 100.0
y = np.array(d["y"])
D = np.hstack([np.ones((len(y), 1)), -X])
def f(t):
    z = D @ t
    return np.mean(np.logaddexp(0, z) - y * z), D.T @ (1 / (1 + np.exp(-z)) - y) / len(y)
r = minimize(f, np.zeros(5), jac=True, method="L-BFGS-B", bounds=[(None, None)] + [(0, None)] * 4,
             options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10000})
print(json.dumps({"theta": r.x.tolist(), "loss": float(r.fun)}))`,
      { x: Array.from(x.data), y: Array.from(y) },
    );
    expect(fit.intercept).toBeCloseTo(ref.theta[0], 4);
    ref.theta.slice(1).forEach((b, k) => expect(fit.coefficients[k]).toBeCloseTo(b, 4));
    expect(fit.logLoss).toBeCloseTo(ref.loss, 9);
  });
});
