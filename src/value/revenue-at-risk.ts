/** Revenue at risk = lifetime value × churn probability: what a team stands to lose if nothing is done. */
export function revenueAtRisk(lifetimeValue: Float64Array, churnProbability: Float64Array): Float64Array {
  if (lifetimeValue.length !== churnProbability.length) {
    throw new RangeError('revenueAtRisk: value and probability arrays differ in length');
  }
  const out = new Float64Array(lifetimeValue.length);
  for (let i = 0; i < out.length; i++) out[i] = lifetimeValue[i] * churnProbability[i];
  return out;
}
