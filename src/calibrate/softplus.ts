/**
 * softplus(m) = log(1 + e^m), computed without overflow: the log-loss of margin m and label y is
 * softplus(m) − y·m, and log σ(m) = −softplus(−m).
 *
 * @example softplus(0); // => 0.6931471805599453
 */
export function softplus(m: number): number {
  return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
}
