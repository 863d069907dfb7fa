/**
 * The feature dictionary: what each model input means, in words a manager can read.
 * Used by the reasons in scores.csv, the AHP comparison (dimension, direction) and the reports.
 */
import { z } from 'zod';

export const Dimension = z.enum(['activity', 'loyalty', 'satisfaction', 'support', 'financial', 'other']);
export type Dimension = z.infer<typeof Dimension>;

/** Whether a higher value means a healthier or a riskier customer; `unknown` for tabular inputs. */
export const Direction = z.enum(['healthier', 'riskier', 'unknown']);
export type Direction = z.infer<typeof Direction>;

export const FeatureEntry = z.object({
  name: z.string(),
  description: z.string(),
  /** Source table (`customers`, `events`, ...) or `tabular` for a column of a tabular file. */
  table: z.string(),
  /** Window in days before the cutoff; null for point values (tenure, last NPS, ...). */
  windowDays: z.number().int().positive().nullable(),
  aggregation: z.string(),
  direction: Direction,
  dimension: Dimension,
  kind: z.enum(['numeric', 'categorical', 'flag']),
  /**
   * How to say a value in a reason, with `{value}` replaced by the formatted value,
   * e.g. "no login in {value} days". Optional: the description is used otherwise.
   */
  phrase: z.string().optional(),
  /** Unit used when formatting `{value}` (days, count, currency, share, score). */
  unit: z.string().optional(),
});
export type FeatureEntry = z.infer<typeof FeatureEntry>;

export const FeatureDictionary = z.array(FeatureEntry);
export type FeatureDictionary = z.infer<typeof FeatureDictionary>;
