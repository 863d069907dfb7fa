/**
 * What the generator knows and the files do not, per customer (`generate --truth FILE`, JSON Lines), for
 * tests that compare a model or an alert with the truth.
 */
import { z } from 'zod';

export const CustomerTruth = z.object({
  customer_id: z.string(),
  /** μ, the level the customer's health reverts to. */
  health_level: z.number(),
  /** Hidden health in the last week of each month of the window; null while not a customer. */
  month_end_health: z.array(z.number().nullable()),
  /** Days (YYYY-MM-DD) on which a random shock hit. */
  shocks: z.array(z.string()),
  /** Whether the --decline-share scenario dropped this customer's health on the decline date. */
  declined: z.boolean(),
  churn_date: z.string().nullable(),
  /** The hazard term that added most to the churn log-odds in the week of churn (see drivers.ts). */
  churn_cause: z.string().nullable(),
  /** The weekly churn probability in the customer's last simulated week. */
  last_weekly_churn_probability: z.number(),
});
export type CustomerTruth = z.infer<typeof CustomerTruth>;
