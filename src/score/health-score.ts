/**
 * The health score round(100 × (1 − p)), p the calibrated probability of churning within the horizon H, so
 * "score 80" means "about a 20% chance of churning in H days". Halves round up: p = 0.425 gives 58.
 *
 * @example healthScore(0.2); // => 80
 */
export function healthScore(churnProbability: number): number {
  if (!(churnProbability >= 0 && churnProbability <= 1)) {
    throw new Error(`healthScore: churn probability must be in [0, 1], got ${churnProbability}`);
  }
  // 100 × (1 − p) can land a hair off a half (100 × (1 − 0.425) = 57.49999999999999); rounding to
  // 9 decimals first makes p = 0.425 score 58 like p = 0.205 scores 80, whatever the float noise.
  return Math.round(Number((100 * (1 - churnProbability)).toFixed(9)));
}

/** healthScore for every row; scores fit a Uint8Array (0–100). */
export function healthScores(churnProbabilities: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(churnProbabilities.length);
  for (let i = 0; i < out.length; i++) {
    const p = churnProbabilities[i];
    const v = 100 * (1 - p);
    // Rounding to 9 decimals (toFixed, a few hundred ns) can only matter within 1e-9 of a half;
    // elsewhere Math.round alone gives the same score. A batch job scores millions of rows.
    const fraction = v - Math.floor(v);
    out[i] = p >= 0 && p <= 1 && Math.abs(fraction - 0.5) > 1e-6 ? Math.round(v) : healthScore(p);
  }
  return out;
}
