/**
 * Settings of the customer-value stage, read from the run config; by default a three-year horizon and a 1% monthly
 * discount rate (≈ 12.7% a year).
 */
import { z } from 'zod';
import { PurchaseModelVariant } from './bgnbd-params.ts';
import { TimeUnit } from './transaction-summary.ts';

export const ValueConfig = z.object({
  horizonMonths: z.number().int().positive().default(36),
  /** Discount rate per month: cash in month i is divided by (1 + rate)^i. */
  monthlyDiscountRate: z.number().min(0).default(0.01),
  /** Length of a month in days (lifetimes' `customer_lifetime_value` uses 30 for daily data). */
  daysPerMonth: z.number().positive().default(30),
  variant: PurchaseModelVariant.default('mbgnbd'),
  /** Unit of recency and T in the fit (results do not depend on it beyond rounding). */
  unit: TimeUnit.default('days'),
  /** Fewest repeat buyers for which the transaction models are fitted; below it values fall back to MRR. */
  minRepeatBuyers: z.number().int().positive().default(30),
});
export type ValueConfig = z.infer<typeof ValueConfig>;
export type ValueConfigInput = z.input<typeof ValueConfig>;
