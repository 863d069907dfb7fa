import { describe, expect, it } from 'vitest';
import { acceptable, cholesky, minimizeNewton, solveCholesky } from '../../../src/learn/optim/newton.ts';

describe('cholesky and solveCholesky', () => {
  it('solve [[4, 2], [2, 3]]·z = [2, 1]: z = [0.5, 0] (by hand)', () => {
    expect(Array.from(solveCholesky(cholesky(Float64Array.from([4, 2, 2, 3]), 2), Float64Array.from([2, 1]), 2))).toEqual([0.5, 0]);
  });
});

describe('minimizeNewton', () => {
  it('minimises f(x) = eˣ − 2x at x = ln 2', () => {
    const r = minimizeNewton(
      (x, g) => {
        g[0] = Math.exp(x[0]) - 2;
        return Math.exp(x[0]) - 2 * x[0];
      },
      (x) => Float64Array.of(Math.exp(x[0])),
      new Float64Array(1),
      { gtol: 1e-14, maxIter: 50 },
    );
    expect(r.stop).toBe('gtol');
    expect(r.x[0]).toBeCloseTo(Math.LN2, 14);
  });
});

describe('minimizeNewton with a reused Hessian', () => {
  it('still converges when the Hessian is only computed when progress stalls', () => {
    let hessians = 0;
    const r = minimizeNewton(
      (x, g) => {
        g[0] = Math.exp(x[0]) - 2 + x[0];
        return Math.exp(x[0]) - 2 * x[0] + 0.5 * x[0] ** 2;
      },
      (x) => {
        hessians++;
        return Float64Array.of(Math.exp(x[0]) + 1);
      },
      Float64Array.of(3),
      { gtol: 1e-12, maxIter: 100 },
    );
    // Root of eˣ + x = 2, by bisection in python: 0.4428544010023885.
    expect(r.x[0]).toBeCloseTo(0.4428544010023885, 12);
    expect(hessians).toBeLessThan(r.iterations);
  });
});

describe('acceptable', () => {
  const g = Float64Array.of(1);
  it('does not trust a decrease of f within its rounding: the gradient must shrink', () => {
    // A float32 loss of 1e5 moves by ~0.1 from rounding alone (resolution 1e-6).
    expect(acceptable(1e5, 1e5 - 0.05, -1e-3, g, Float64Array.of(2), 1e-6)).toBe(false);
    expect(acceptable(1e5, 1e5 - 0.05, -1e-3, g, Float64Array.of(0.5), 1e-6)).toBe(true);
  });

  it('takes an Armijo decrease larger than the rounding', () => {
    expect(acceptable(1e5, 1e5 - 10, -20, g, Float64Array.of(2), 1e-6)).toBe(true);
  });
});
