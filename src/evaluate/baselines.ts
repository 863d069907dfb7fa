/**
 * Baselines a churn model must beat, judged with the same metrics: "predict the base rate" (ROC-AUC 0.5, Brier the
 * outcome variance: the floor any useful model must go under), and given scores such as RFM turned into risk.
 */
export function baseRateScores(baseRate: number, n: number): Float64Array {
  if (!(baseRate >= 0 && baseRate <= 1)) throw new Error(`baseRateScores: base rate must be in [0, 1], got ${baseRate}`);
  return new Float64Array(n).fill(baseRate);
}

/** A "higher is healthier" score (RFM, a health score) as a risk ranking: ranking metrics need only the order. */
export function riskFromHealth(health: ArrayLike<number>): Float64Array {
  const out = new Float64Array(health.length);
  for (let i = 0; i < health.length; i++) out[i] = -health[i];
  return out;
}
