import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/value/nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = nelderMead(rosenbrock, Float64Array.of(-1.2, 1));
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
  it('treats a non-finite objective as a wall', () => {
    // Minimum of (x - 2)² restricted to x < 1 by NaN beyond: the search stops at the wall.
    const r = nelderMead((x) => (x[0] < 1 ? (x[0] - 2) ** 2 : NaN), Float64Array.of(-3));
    expect(r.x[0]).toBeLessThan(1);
    expect(r.x[0]).toBeGreaterThan(0.999);
  });
  it('reports no convergence when the iteration budget runs out', () => {
    const r = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] - 3) ** 2, Float64Array.of(0, 0), { maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
  });
});
