/**
 * Discounted customer lifetime value from a purchase model and expected spend per purchase, with
 * the discretisation of lifetimes' `customer_lifetime_value`: the horizon is cut into months of
 * `daysPerMonth` days; month i's expected purchases are E[Y(i·m)] − E[Y((i−1)·m)] (conditional on
 * the customer's history, see bgnbd-predict.ts), valued at the expected spend per purchase and
 * discounted as if paid at the month's end:
 *   CLV = Σᵢ₌₁..H  spend · (E[Y(i·m)] − E[Y((i−1)·m)]) / (1 + d)^i.
 * (lifetimes uses 4.345 weeks for weekly data; here a month is the same 30 days whatever the
 * model's unit, so the value does not depend on the unit.)
 */
import type { BgNbdParams } from './bgnbd-params.ts';
import { conditionalExpectedPurchases } from './bgnbd-predict.ts';
import { UNIT_DAYS } from './transaction-summary.ts';
import type { ValueConfig } from './value-config.ts';

/** Cost: H ₂F₁ series per customer. NaN spend gives NaN value. */
export function discountedLifetimeValue(
  params: BgNbdParams,
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
  expectedSpend: Float64Array,
  config: Pick<ValueConfig, 'horizonMonths' | 'monthlyDiscountRate' | 'daysPerMonth'>,
): Float64Array {
  const month = config.daysPerMonth / UNIT_DAYS[params.unit];
  const value = new Float64Array(frequency.length);
  let previous: Float64Array = new Float64Array(frequency.length);
  for (let i = 1; i <= config.horizonMonths; i++) {
    const cumulative = conditionalExpectedPurchases(params, frequency, recency, T, i * month);
    const discount = Math.pow(1 + config.monthlyDiscountRate, i);
    for (let c = 0; c < value.length; c++) value[c] += (expectedSpend[c] * (cumulative[c] - previous[c])) / discount;
    previous = cumulative;
  }
  return value;
}
