/**
 * The per-customer table `healthscore value` writes (customer-value.csv): the transaction summary, the purchase
 * and spend models' predictions, and the CLV.
 */
import { z } from 'zod';
import type { PurchaseValue } from './purchase-value.ts';
import type { TransactionSummary } from './transaction-summary.ts';

/**
 * One customer's value (a row of customer-value.csv): the purchase summary (frequency, recency,
 * T, monetary value), P(alive), P(no purchase within the churn horizon), expected spend per
 * purchase, CLV and revenue at risk.
 *
 * @example
 * ```ts
 * import { readCustomerData } from 'healthscore';
 * import { customerValues, type CustomerValueRow } from 'healthscore/value';
 * const data = await readCustomerData('data/sample');
 * const [row]: CustomerValueRow[] = customerValues(data, { cutoff: '2024-10-01' }).rows;
 * console.log(row.p_alive >= 0 && row.p_alive <= 1); // => true
 * ```
 */
export const CustomerValueRow = z.object({
  customer_id: z.string(),
  frequency: z.number().int().nonnegative(),
  recency: z.number().nonnegative(),
  T: z.number().nonnegative(),
  monetary_value: z.number(),
  p_alive: z.number().min(0).max(1),
  /** P(no purchase within the churn horizon). */
  p_no_purchase: z.number().min(0).max(1),
  expected_spend: z.number(),
  clv: z.number(),
  revenue_at_risk: z.number(),
  value_method: z.enum(['bgnbd-gamma-gamma', 'mbgnbd-gamma-gamma']),
});
export type CustomerValueRow = z.infer<typeof CustomerValueRow>;

/** One row per customer with a first purchase by the observation end, in customer-index order. */
export function customerValueRows(customerIds: readonly string[], s: TransactionSummary, v: PurchaseValue): CustomerValueRow[] {
  const method = v.purchases.params.variant === 'mbgnbd' ? 'mbgnbd-gamma-gamma' : 'bgnbd-gamma-gamma';
  const rows: CustomerValueRow[] = [];
  for (let i = 0; i < customerIds.length; i++) {
    if (Number.isNaN(s.T[i])) continue;
    rows.push({
      customer_id: customerIds[i],
      frequency: s.frequency[i],
      recency: s.recency[i],
      T: s.T[i],
      monetary_value: s.monetary[i],
      p_alive: v.probabilityAlive[i],
      p_no_purchase: v.probabilityNoPurchase[i],
      expected_spend: v.expectedSpend[i],
      clv: v.lifetimeValue[i],
      revenue_at_risk: v.lifetimeValue[i] * v.probabilityNoPurchase[i],
      value_method: method,
    });
  }
  return rows;
}
