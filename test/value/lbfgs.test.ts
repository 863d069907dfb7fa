import { describe, expect, it } from 'vitest';
import { lbfgs } from '../../src/value/lbfgs.ts';

describe('lbfgs', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const r = lbfgs((x, g) => {
      g[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
      g[1] = 200 * (x[1] - x[0] ** 2);
      return 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    }, Float64Array.of(-1.2, 1));
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });
  it('solves a badly scaled quadratic in few iterations', () => {
    const scale = [1, 1e3, 1e-2];
    const r = lbfgs((x, g) => {
      let f = 0;
      for (let i = 0; i < 3; i++) {
        f += 0.5 * scale[i] * (x[i] - i) ** 2;
        g[i] = scale[i] * (x[i] - i);
      }
      return f;
    }, Float64Array.of(5, 5, 5));
    expect(Array.from(r.x).map((v) => Number(v.toFixed(5)))).toEqual([0, 1, 2]);
    expect(r.iterations).toBeLessThan(60);
  });
  it('backs off from points where the objective is not finite', () => {
    // log barrier: defined for x > 0 only; minimum of x − ln x at x = 1.
    const r = lbfgs((x, g) => {
      g[0] = 1 - 1 / x[0];
      return x[0] > 0 ? x[0] - Math.log(x[0]) : NaN;
    }, Float64Array.of(0.05));
    expect(r.x[0]).toBeCloseTo(1, 6);
  });
});
