/**
 * Seeded random scored samples for parity tests: scores rounded to a few decimals so that ties are
 * common (the case the exact ROC-AUC must handle), labels drawn with a churn probability that rises
 * with the score so the metrics are far from trivial.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface ScoredSample {
  scores: Float64Array;
  labels: Uint8Array;
}

export function randomScored(n: number, seed: number, decimals = 2): ScoredSample {
  const rng = xoroshiro128plus(seed);
  const scale = 10 ** decimals;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.round(uniformFloat64(rng) * scale) / scale;
    scores[i] = s;
    labels[i] = uniformFloat64(rng) < 0.15 + 0.6 * s ? 1 : 0;
  }
  return { scores, labels };
}

/** Standard normal draws (Box–Muller), for margins. */
export function randomNormal(n: number, seed: number): Float64Array {
  const rng = xoroshiro128plus(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - uniformFloat64(rng);
    const v = uniformFloat64(rng);
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

/** Labels drawn as Bernoulli(p[i]). */
export function bernoulli(p: ArrayLike<number>, seed: number): Uint8Array {
  const rng = xoroshiro128plus(seed);
  const out = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = uniformFloat64(rng) < p[i] ? 1 : 0;
  return out;
}
