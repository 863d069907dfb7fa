import { describe, expect, it } from 'vitest';
import { maximiseLogLikelihood } from '../../src/value/maximum-likelihood.ts';

/** Exponential waiting times 1, 2, 3, 6 with rate λ = e^v: log L = 4v − 12e^v, maximal at λ = 4/12 (by hand). */
const exponential = (v: Float64Array, g: Float64Array): number => {
  g[0] = 4 - 12 * Math.exp(v[0]);
  return 4 * v[0] - 12 * Math.exp(v[0]);
};

describe('maximiseLogLikelihood', () => {
  it('finds the maximum-likelihood rate of exponential waiting times, 1 / mean', () => {
    const r = maximiseLogLikelihood(exponential, Float64Array.of(0), 4);
    expect(r.converged).toBe(true);
    expect(Math.exp(r.x[0])).toBeCloseTo(1 / 3, 10);
    // log L(1/3) = 4 ln(1/3) − 4.
    expect(r.logLikelihood).toBeCloseTo(-4 * Math.log(3) - 4, 10);
  });
});
