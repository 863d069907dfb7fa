import { describe, expect, it } from 'vitest';
import { historyFromHessian, minimizeLbfgs, type Objective } from '../../../src/learn/optim/lbfgs.ts';

/** ½xᵀAx − bᵀx with A = [[4, 1], [1, 3]], b = [1, 2]: minimum at x = A⁻¹b = [1/11, 7/11] (by hand). */
const quadratic: Objective = (x, g) => {
  g[0] = 4 * x[0] + x[1] - 1;
  g[1] = x[0] + 3 * x[1] - 2;
  return 0.5 * (4 * x[0] ** 2 + 2 * x[0] * x[1] + 3 * x[1] ** 2) - x[0] - 2 * x[1];
};

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1) (Nocedal & Wright, ex. 2.1)', () => {
    const r = minimizeLbfgs(
      (x, g) => {
        const [a, b] = x;
        g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
        g[1] = 200 * (b - a * a);
        return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
      },
      Float64Array.from([-1.2, 1]),
      { gtol: 1e-8, ftol: 0 },
    );
    expect(r.stop).toBe('gtol');
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });

  it('solves a convex quadratic ½xᵀAx − bᵀx: A·x = b', () => {
    // A = [[4, 1], [1, 3]], b = [1, 2]: x = [1/11, 7/11] (solved by hand).
    const r = minimizeLbfgs(
      quadratic,
      new Float64Array(2),
      { gtol: 1e-12, ftol: 0 },
    );
    expect(r.x[0]).toBeCloseTo(1 / 11, 10);
    expect(r.x[1]).toBeCloseTo(7 / 11, 10);
  });

  it('backs off from points where the objective is not finite', () => {
    // 100x − ln x is defined for x > 0 only, minimal at x = 0.01; the first unit-length step
    // lands on x = 0, where it is NaN.
    const r = minimizeLbfgs(
      (x, g) => {
        g[0] = 100 - 1 / x[0];
        return x[0] > 0 ? 100 * x[0] - Math.log(x[0]) : Number.NaN;
      },
      Float64Array.of(1),
      { gtol: 1e-6, ftol: 0 },
    );
    expect(r.stop).toBe('gtol');
    expect(r.x[0]).toBeCloseTo(0.01, 10);
  });

  it('stops at the iteration limit and says so', () => {
    const r = minimizeLbfgs(
      (x, g) => {
        g[0] = 2 * (x[0] - 3);
        return (x[0] - 3) ** 2 + 1;
      },
      new Float64Array(1),
      { maxIter: 1, gtol: 0, ftol: 0 },
    );
    expect(r.iterations).toBe(1);
    expect(r.stop).toBe('maxIter');
  });
});

describe('minimizeLbfgs started from a Hessian', () => {
  it('solves a convex quadratic in one step when given its Hessian: the first step is Newton\'s', () => {
    // f(x) = ½xᵀAx − bᵀx, A = [[4, 1], [1, 3]], b = [1, 2]: x* = A⁻¹b = [1/11, 7/11] (by hand).
    const r = minimizeLbfgs(
      quadratic,
      new Float64Array(2),
      { gtol: 1e-12 },
      historyFromHessian(Float64Array.from([4, 1, 1, 3]), 2),
    );
    expect(r.iterations).toBe(1);
    expect(r.x[0]).toBeCloseTo(1 / 11, 12);
    expect(r.x[1]).toBeCloseTo(7 / 11, 12);
  });
});
