/**
 * Each repeat buyer's mean spend drawn from the Gamma-Gamma model with a seeded generator: ν ~ Gamma(q, rate γ),
 * the sum of x amounts ~ Gamma(px, rate ν), mean = sum / x. Customers without repeat purchases get 0.
 */
import type { GammaGammaParams } from '../../src/value/gamma-gamma.ts';
import { seededVariates } from './seeded-variates.ts';

export function simulateSpend(params: GammaGammaParams, frequency: Float64Array, seed: number): Float64Array {
  const { gamma } = seededVariates(seed);
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) {
    const x = frequency[i];
    if (!(x > 0)) continue;
    const nu = gamma(params.q) / params.gamma;
    out[i] = gamma(params.p * x) / nu / x;
  }
  return out;
}
