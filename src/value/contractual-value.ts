/**
 * Expected remaining value of a subscription customer from the calibrated churn probability P over the horizon
 * h days, with geometric survival: s = (1 − P)^(m/h) per month of m days, each month's MRR counted if still
 * subscribed at its end and discounted like the transaction CLV:
 *   value = MRR · Σᵢ₌₁..H (s / (1+d))^i = MRR · g (1 − g^H) / (1 − g),  g = s / (1 + d).
 */
import type { ValueConfig } from './value-config.ts';

/** NaN MRR or probability gives NaN value. */
export function contractualLifetimeValue(
  mrr: Float64Array,
  churnProbability: Float64Array,
  horizonDays: number,
  config: Pick<ValueConfig, 'horizonMonths' | 'monthlyDiscountRate' | 'daysPerMonth'>,
): Float64Array {
  const H = config.horizonMonths;
  const out = new Float64Array(mrr.length);
  for (let i = 0; i < out.length; i++) {
    const survival = Math.pow(1 - churnProbability[i], config.daysPerMonth / horizonDays);
    const g = survival / (1 + config.monthlyDiscountRate);
    // At g = 1 (no churn, no discount) the geometric sum is H.
    const months = g === 1 ? H : (g * (1 - Math.pow(g, H))) / (1 - g);
    out[i] = mrr[i] * months;
  }
  return out;
}
