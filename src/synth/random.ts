/**
 * Seeded random draws on pure-rand's xoroshiro128+. Each customer's generator is seeded from (seed, index)
 * through SplitMix32, so its history depends on nothing else: blocks run in any order, and a scenario
 * for one customer leaves the others untouched. Nothing reads the clock or Math.random.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type { RandomGenerator };

/** SplitMix32's output function (Steele, Lea & Flood 2014, 32-bit variant of Murmur3's fmix32). */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** The generator for customer `index` under `seed`; stream `stream` separates independent uses. */
export function customerRng(seed: number, index: number, stream = 0): RandomGenerator {
  const h = mix32(mix32(seed | 0) ^ mix32((index | 0) + 0x632be5ab) ^ mix32(stream * 0x2545f491));
  const state = [mix32(h), mix32(h + 1), mix32(h + 2), mix32(h + 3)];
  // xoroshiro128+ must not start from the all-zero state.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

/** Uniform on [0, 1). */
export const uniform: (rng: RandomGenerator) => number = uniformFloat64;

/** Standard normal draw by the Box–Muller transform (one of the pair is discarded: no hidden state). */
export function normal(rng: RandomGenerator): number {
  const u1 = 1 - uniformFloat64(rng); // (0, 1], so the log is finite
  const u2 = uniformFloat64(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Poisson draw: Knuth's multiplication method (mean + 1 uniforms; weekly means are mostly below 5), and
 * above 30 a rounded normal approximation, close enough there for synthetic activity counts.
 */
export function poisson(rng: RandomGenerator, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = uniformFloat64(rng);
  while (product > limit) {
    k++;
    product *= uniformFloat64(rng);
  }
  return k;
}

/** Index drawn with probabilities proportional to `weights[0..n)`, whose sum is `total`. */
export function categorical(rng: RandomGenerator, weights: ArrayLike<number>, total: number): number {
  let target = uniformFloat64(rng) * total;
  const last = weights.length - 1;
  for (let i = 0; i < last; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  return last;
}

export function bernoulli(rng: RandomGenerator, p: number): boolean {
  return uniformFloat64(rng) < p;
}
