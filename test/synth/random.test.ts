import { describe, expect, it } from 'vitest';
import { bernoulli, categorical, customerRng, normal, poisson, uniform } from '../../src/synth/random.ts';

function draws(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}
const mean = (x: Float64Array): number => x.reduce((a, b) => a + b, 0) / x.length;
const variance = (x: Float64Array): number => {
  const m = mean(x);
  return x.reduce((a, b) => a + (b - m) * (b - m), 0) / (x.length - 1);
};

describe('customerRng', () => {
  it('gives the same sequence for the same seed and index', () => {
    const a = customerRng(42, 7);
    const b = customerRng(42, 7);
    expect(draws(5, () => uniform(a))).toEqual(draws(5, () => uniform(b)));
  });

  it('gives different sequences for neighbouring indexes, seeds and streams', () => {
    const first = (seed: number, index: number, stream = 0): number => uniform(customerRng(seed, index, stream));
    const values = new Set([first(42, 7), first(42, 8), first(43, 7), first(42, 7, 1)]);
    expect(values.size).toBe(4);
  });
});

describe('distributions', () => {
  const rng = customerRng(1, 0);

  it('uniform stays in [0, 1) with mean 1/2 and variance 1/12', () => {
    const x = draws(50_000, () => uniform(rng));
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThan(1);
    expect(mean(x)).toBeCloseTo(0.5, 2);
    expect(variance(x)).toBeCloseTo(1 / 12, 2);
  });

  it('normal has mean 0 and variance 1', () => {
    const x = draws(50_000, () => normal(rng));
    expect(Math.abs(mean(x))).toBeLessThan(0.02);
    expect(Math.abs(variance(x) - 1)).toBeLessThan(0.03);
  });

  // A Poisson(λ) variable has mean and variance λ (e.g. Feller, vol. 1, VI.6); λ = 50 uses the normal approximation.
  it.each([0.2, 3, 50])('poisson(%f) has mean and variance λ', (lambda) => {
    const x = draws(40_000, () => poisson(rng, lambda));
    expect(Math.abs(mean(x) - lambda)).toBeLessThan(0.03 * lambda + 0.01);
    expect(Math.abs(variance(x) - lambda)).toBeLessThan(0.06 * lambda + 0.01);
    expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  });

  it('poisson of a non-positive mean is 0', () => {
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -1)).toBe(0);
  });

  it('categorical draws each index in proportion to its weight', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[categorical(rng, [1, 2, 3], 6)]++;
    expect(counts[0] / 30_000).toBeCloseTo(1 / 6, 1);
    expect(counts[1] / 30_000).toBeCloseTo(2 / 6, 1);
    expect(counts[2] / 30_000).toBeCloseTo(3 / 6, 1);
  });

  it('bernoulli(p) is true about p of the time', () => {
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (bernoulli(rng, 0.3)) hits++;
    expect(hits / 20_000).toBeCloseTo(0.3, 1);
  });
});
