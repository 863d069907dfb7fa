/**
 * What "churned" means, chosen in the pipeline config, and the label options of a feature set.
 * - `explicit`: the customer's `churn_date`.
 * - `subscriptionEnded`: the latest `end_date` of the customer's subscriptions, once none is running.
 * - `inactivity`: no row in the activity tables (default `transactions`) during the horizon; the CDNOW
 *   reference set of ../shared/data/README.md ("no purchase in [T, T + 90 days)").
 * With a churn date, the population at T leaves out customers churned before T and the label is 1 when it
 * falls in [T, T + H days); with `inactivity` everyone signed up before T is in (a lapsed buyer may return).
 */
import { z } from 'zod';
import { TableName } from '../data/contract.ts';

export const ChurnDefinition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('explicit') }),
  z.object({ kind: z.literal('subscriptionEnded') }),
  z.object({
    kind: z.literal('inactivity'),
    tables: z.array(TableName.exclude(['customers'])).min(1).default(['transactions']),
  }),
]);
export type ChurnDefinition = z.infer<typeof ChurnDefinition>;

export const LabelOptions = z.object({
  /** Cutoffs as epoch ms (UTC). */
  cutoffs: z.array(z.number()).min(1),
  horizonDays: z.number().int().positive(),
  churn: ChurnDefinition,
  /**
   * Exclusive end of the observed data (epoch ms). A cutoff whose horizon ends after it is
   * censored. Default: the UTC day after the latest date anywhere in the data.
   */
  dataEnd: z.number().optional(),
});
export type LabelOptions = z.infer<typeof LabelOptions>;
export type LabelOptionsInput = z.input<typeof LabelOptions>;
