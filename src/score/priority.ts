/**
 * The priority list: customers to save first, by revenue at risk (lifetime value × churn probability), then
 * churn probability, then customer id (code points), so every run lists the same; NaN ranks last. Customers
 * already churned are left out: there is nothing left to save.
 */
import { z } from 'zod';
import { ValueMethod } from '../value/customer-value.ts';
import { LifecycleStage } from './lifecycle.ts';
import { Tier } from './tiers.ts';

/** One row of RUN/priority.csv. */
export const PriorityRow = z.object({
  rank: z.number().int().positive(),
  customer_id: z.string(),
  revenue_at_risk: z.number(),
  lifetime_value: z.number(),
  value_method: ValueMethod,
  churn_probability: z.number().min(0).max(1),
  health_score: z.number().min(0).max(100),
  tier: Tier,
  lifecycle_stage: LifecycleStage,
  reasons: z.string(),
});
export type PriorityRow = z.infer<typeof PriorityRow>;

export interface PriorityInput {
  customerId: readonly string[];
  revenueAtRisk: Float64Array;
  lifetimeValue: Float64Array;
  valueMethod: readonly ValueMethod[];
  churnProbability: Float64Array;
  healthScore: ArrayLike<number>;
  tier: readonly Tier[];
  stage: readonly LifecycleStage[];
  reasons: readonly string[];
}

/** Customer indices in priority order (all customers, churned included). */
export function priorityOrder(revenueAtRisk: Float64Array, churnProbability: Float64Array, customerId: readonly string[]): Int32Array {
  const key = (v: number): number => (Number.isNaN(v) ? -Infinity : v);
  const order = Array.from({ length: revenueAtRisk.length }, (_, i) => i);
  order.sort((i, j) => {
    const byValue = key(revenueAtRisk[j]) - key(revenueAtRisk[i]);
    if (byValue !== 0 && !Number.isNaN(byValue)) return byValue;
    const byRisk = key(churnProbability[j]) - key(churnProbability[i]);
    if (byRisk !== 0 && !Number.isNaN(byRisk)) return byRisk;
    return customerId[i] < customerId[j] ? -1 : customerId[i] > customerId[j] ? 1 : 0;
  });
  return Int32Array.from(order);
}

/** The ranked rows, churned customers left out; `limit` keeps the first rows only. */
export function priorityList(input: PriorityInput, limit = Infinity): PriorityRow[] {
  const n = input.customerId.length;
  for (const [name, arr] of Object.entries(input)) {
    if (arr.length !== n) throw new RangeError(`priorityList: ${name} has ${arr.length} entries, expected ${n}`);
  }
  const rows: PriorityRow[] = [];
  for (const i of priorityOrder(input.revenueAtRisk, input.churnProbability, input.customerId)) {
    if (rows.length >= limit) break;
    if (input.stage[i] === 'churned') continue;
    rows.push({
      rank: rows.length + 1,
      customer_id: input.customerId[i],
      revenue_at_risk: input.revenueAtRisk[i],
      lifetime_value: input.lifetimeValue[i],
      value_method: input.valueMethod[i],
      churn_probability: input.churnProbability[i],
      health_score: input.healthScore[i],
      tier: input.tier[i],
      lifecycle_stage: input.stage[i],
      reasons: input.reasons[i],
    });
  }
  return rows;
}
