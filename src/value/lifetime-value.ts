/**
 * Discounted CLV from a purchase model and expected spend, discretised as lifetimes' `customer_lifetime_value`:
 *   CLV = Σᵢ₌₁..H  spend · (E[Y(i·m)] − E[Y((i−1)·m)]) / (1 + d)^i,
 * with E[Y] conditional on the customer's history and a month m of `daysPerMonth` days whatever the model's unit
 * (lifetimes uses 4.345 weeks for weekly data), so the value does not depend on the unit.
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
