/**
 * Uniform and Gamma variates from a seeded xoroshiro128+ (pure-rand), for the simulations that check the value
 * models against a known truth. Gamma: Marsaglia & Tsang (2000), ACM TOMS 26(3), boosted by G(k) = G(k+1) · U^(1/k)
 * for k < 1 (their §6); normals by Box–Muller.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface SeededVariates {
  /** Uniform on the open interval (0, 1), so logs and negative powers stay finite. */
  uniform(): number;
  /** Gamma with the given shape and rate 1. */
  gamma(shape: number): number;
}

export function seededVariates(seed: number): SeededVariates {
  const rng = xoroshiro128plus(seed);
  const uniform = (): number => (uniformFloat64(rng) * (2 ** 53 - 1) + 0.5) / 2 ** 53;
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return { uniform, gamma };
}
