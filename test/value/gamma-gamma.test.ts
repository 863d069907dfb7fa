import { describe, expect, it } from 'vitest';
import { gammaln } from 'simple-statistics';
import { expectedAverageSpend, fitGammaGamma } from '../../src/value/gamma-gamma.ts';
import { simulateSpend } from '../support/simulate-spend.ts';

// Published CDNOW estimates, Fader, Hardie & Lee (2005) "RFM and CLV".
const params = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('expectedAverageSpend', () => {
  it('is p(γ + m̄x)/(px + q − 1), shrinking the observed mean towards the population mean', () => {
    const [e] = expectedAverageSpend(params, Float64Array.of(2), Float64Array.of(50));
    expect(e).toBeCloseTo((6.25 * (15.44 + 100)) / (12.5 + 2.74), 12);
    expect(e).toBeLessThan(50);
    expect(e).toBeGreaterThan((6.25 * 15.44) / 2.74);
  });
  it('is the population mean pγ/(q − 1) for a customer without repeats', () => {
    expect(expectedAverageSpend(params, Float64Array.of(0), Float64Array.of(0))[0]).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });
  it('is NaN where the population mean does not exist (q ≤ 1)', () => {
    expect(expectedAverageSpend({ ...params, q: 0.9 }, Float64Array.of(0), Float64Array.of(0))[0]).toBeNaN();
  });
});

describe('fitGammaGamma', () => {
  it('reports the log-likelihood at its estimates as the density of Fader & Hardie (2013) eq. 5 summed over repeat buyers', () => {
    const buyers = [[3, 40], [1, 25], [2, 60], [5, 30]];
    const r = fitGammaGamma(Float64Array.of(...buyers.map(([x]) => x), 0), Float64Array.of(...buyers.map(([, m]) => m), 0));
    if ('problem' in r) throw new Error(r.problem);
    const { p, q, gamma } = r.fit.params;
    const density = ([x, m]: number[]) =>
      gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m * x) + Math.log(x) -
      (p * x + q) * Math.log(gamma + m * x);
    expect(r.fit.logLikelihood).toBeCloseTo(buyers.reduce((s, b) => s + density(b), 0), 9);
  });
  it('recovers the parameters it simulated from (30,000 repeat buyers)', () => {
    const frequency = Float64Array.from({ length: 30_000 }, (_, i) => 1 + (i % 6));
    const monetary = simulateSpend(params, frequency, 5);
    const r = fitGammaGamma(frequency, monetary);
    if ('problem' in r) throw new Error(r.problem);
    expect(r.fit.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) expect(Math.abs(r.fit.params[k] / params[k] - 1)).toBeLessThan(0.1);
  });
  it('leaves out and counts repeat buyers whose mean spend is not positive', () => {
    const frequency = Float64Array.from({ length: 2_001 }, (_, i) => 1 + (i % 3));
    const monetary = simulateSpend(params, frequency, 8);
    monetary[2_000] = 0;
    const r = fitGammaGamma(frequency, monetary);
    if ('problem' in r) throw new Error(r.problem);
    expect(r.fit.customers).toBe(2_000);
    expect(r.fit.excluded).toBe(1);
  });
  it('returns a problem naming the customer whose mean spend is not a number', () => {
    expect(fitGammaGamma(Float64Array.of(1, 2), Float64Array.of(10, NaN))).toEqual({
      problem: 'customer 1: mean repeat spend NaN is not a number',
    });
  });
  it('says it did not converge when every mean spend is the same (the maximum lies at p, q → ∞)', () => {
    const r = fitGammaGamma(Float64Array.of(2, 3, 1), Float64Array.of(30, 30, 30));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.fit.converged).toBe(false);
  });
  it('returns a problem without repeat buyers', () => {
    expect(fitGammaGamma(Float64Array.of(0), Float64Array.of(0))).toHaveProperty('problem');
  });
});
