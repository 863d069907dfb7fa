/**
 * The baselines a churn model must beat, evaluated with the same metrics as the model:
 * - "predict the base rate": every customer gets the training churn rate. Its ROC-AUC is 0.5 and
 *   its Brier score is the outcome variance, the floor any useful model must go under;
 * - a given score vector, e.g. the RFM score, oriented so that higher means riskier.
 */
export function baseRateScores(baseRate: number, n: number): Float64Array {
  if (!(baseRate >= 0 && baseRate <= 1)) throw new Error(`baseRateScores: base rate must be in [0, 1], got ${baseRate}`);
  return new Float64Array(n).fill(baseRate);
}

/**
 * Turns a "higher is healthier" score (RFM, a health score) into a risk ranking: higher = riskier.
 * Ranking metrics only need the order, so a sign flip is enough.
 */
export function riskFromHealth(health: ArrayLike<number>): Float64Array {
  const out = new Float64Array(health.length);
  for (let i = 0; i < health.length; i++) out[i] = -health[i];
  return out;
}
