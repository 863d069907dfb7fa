/**
 * Saaty's consistency index CI = (λmax − n) / (n − 1) (Saaty 1977, J. Math. Psychology 15:234–281).
 * Zero for a consistent matrix; 0 for n ≤ 2, where every reciprocal matrix is consistent.
 * Tiny negative values from rounding are clamped to 0.
 * @example consistencyIndex(4.2, 4) // => 0.0667
 */
export function consistencyIndex(lambdaMax: number, n: number): number {
  if (n <= 2) return 0;
  return Math.max(0, (lambdaMax - n) / (n - 1));
}
