/**
 * The digamma function ψ(x) = d/dx log Γ(x) for x > 0, for the likelihoods' analytic gradients: shifted up with
 * ψ(x) = ψ(x+1) − 1/x until x ≥ 10, then the asymptotic series ψ(x) ~ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (DLMF 5.11.2),
 * whose first six terms leave an error below 1e-15 there.
 * @example digamma(1); // => -0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli numbers B₂ₖ/(2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760.
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}
