/**
 * Rows of the score history: what a scoring job produced for one customer at one as-of date,
 * with the model's own score beside the final one, so a manual override is always visible
 * (columns `model_health_score`, `model_tier`, `override`, `override_reason`, `override_author`).
 */
import { z } from 'zod';
import { Tier } from '../tiers.ts';

/** A calendar date `YYYY-MM-DD`: as-of dates are days, and ISO text sorts chronologically. */
export const AsOfDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export type AsOfDate = z.infer<typeof AsOfDate>;

const score = z.number().int().min(0).max(100);

/** One row of a scoring job's output before overrides. */
export const ModelScoreRow = z.object({
  customer_id: z.string().min(1),
  as_of: AsOfDate,
  churn_probability: z.number().min(0).max(1),
  health_score: score,
  tier: Tier,
  /** The reasons as written to scores.csv (text). */
  reasons: z.string(),
  model_version: z.string(),
});
export type ModelScoreRow = z.infer<typeof ModelScoreRow>;

/** A row after overrides: the final score and tier, and the model's, and what changed them. */
export const HistoryRow = ModelScoreRow.extend({
  model_health_score: score,
  model_tier: Tier,
  /** What the override did, e.g. "+10 points" or "tier watch"; null when none applied. */
  override: z.string().nullable(),
  override_reason: z.string().nullable(),
  override_author: z.string().nullable(),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

/** Column order of the history files (and of scores files that show overrides). */
export const HISTORY_COLUMNS = Object.keys(HistoryRow.shape) as (keyof HistoryRow)[];

/** SQL types of the history columns (Parquet files, and CSV read back with declared types). */
export const HISTORY_SQL_TYPES: Record<keyof HistoryRow, string> = {
  customer_id: 'VARCHAR',
  as_of: 'VARCHAR',
  churn_probability: 'DOUBLE',
  health_score: 'INTEGER',
  tier: 'VARCHAR',
  reasons: 'VARCHAR',
  model_version: 'VARCHAR',
  model_health_score: 'INTEGER',
  model_tier: 'VARCHAR',
  override: 'VARCHAR',
  override_reason: 'VARCHAR',
  override_author: 'VARCHAR',
};
