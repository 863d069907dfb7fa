/**
 * Predicted against actual repeat purchases in a holdout period, overall and by calibration-period frequency with
 * the top group open ("7+"), as in Fader, Hardie & Lee (2005), Figure 4.
 */
import { z } from 'zod';

export const HoldoutRow = z.object({
  /** Calibration frequency group: "0", "1", …, "7+", or "all". */
  frequency: z.string(),
  customers: z.number().int(),
  actualMean: z.number(),
  predictedMean: z.number(),
  actualTotal: z.number(),
  predictedTotal: z.number(),
});
export type HoldoutRow = z.infer<typeof HoldoutRow>;

/** Customers with NaN prediction (no first purchase) are left out. */
export function holdoutComparison(
  frequency: Float64Array,
  predicted: Float64Array,
  actual: Float64Array,
  topGroup = 7,
): HoldoutRow[] {
  const groups = topGroup + 2; // 0..topGroup, then "all"
  const count = new Float64Array(groups);
  const act = new Float64Array(groups);
  const pred = new Float64Array(groups);
  for (let i = 0; i < frequency.length; i++) {
    if (Number.isNaN(predicted[i])) continue;
    for (const g of [Math.min(frequency[i], topGroup), topGroup + 1]) {
      count[g]++;
      act[g] += actual[i];
      pred[g] += predicted[i];
    }
  }
  return Array.from(count, (customers, g) => ({
    frequency: g === topGroup + 1 ? 'all' : g === topGroup ? `${topGroup}+` : String(g),
    customers,
    actualMean: customers ? act[g] / customers : NaN,
    predictedMean: customers ? pred[g] / customers : NaN,
    actualTotal: act[g],
    predictedTotal: pred[g],
  }));
}

/** Each customer's repeat purchases in (observationEndDay, holdoutEndDay], same-day purchases merged as in the summary. */
export function holdoutPurchases(
  customer: Int32Array,
  day: Float64Array,
  nCustomers: number,
  observationEndDay: number,
  holdoutEndDay: number,
): Float64Array {
  const seen = new Set<string>();
  const out = new Float64Array(nCustomers);
  for (let i = 0; i < customer.length; i++) {
    if (day[i] <= observationEndDay || day[i] > holdoutEndDay) continue;
    const key = `${customer[i]} ${day[i]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out[customer[i]]++;
  }
  return out;
}
