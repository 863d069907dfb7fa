/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its defining series
 * Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ (DLMF 15.2.1). BG/NBD needs it only at z ∈ [0, 1) with positive a, b, c, where every
 * term is positive: no cancellation, and about log(ε) / log(z) terms. The transformations to 1 − z would be cheaper
 * near 1 but are singular when c − a − b is an integer, which the fitted parameters do not avoid.
 * @throws {RangeError} when z is outside [0, 1) or c ≤ 0.
 * @example hyp2f1(1, 1, 2, 0.5); // => -Math.log(1 - 0.5) / 0.5 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1: z = ${z} is outside [0, 1)`);
  if (!(c > 0)) throw new RangeError(`hyp2f1: c = ${c} must be positive`);
  let term = 1;
  let sum = 1;
  // The ratio of consecutive terms tends to z; stop once a term no longer changes the sum.
  for (let n = 0; n < 10_000_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  return sum;
}
