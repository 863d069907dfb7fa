/**
 * The scores file as CSV text, a chunk of rows at a time: here rather than csv-stringify, slower than the job
 * scores. Fields follow `csvField` (RFC 4180); numbers are in JavaScript's shortest round-trip form.
 */
import { csvField } from '../data/csv-field.ts';
import { HISTORY_COLUMNS, type HistoryRow } from './history/history-row.ts';
import type { Tier } from './tiers.ts';

export const SCORES_CSV_HEADER = `${HISTORY_COLUMNS.join(',')}\n`;

/** The rows as CSV lines (each ending in a newline), columns in `HISTORY_COLUMNS` order. */
export function scoresCsvLines(rows: readonly HistoryRow[]): string {
  let out = '';
  for (const r of rows) {
    out += `${csvField(r.customer_id)},${csvField(r.as_of)},${r.churn_probability},${r.health_score},${r.tier},${csvField(r.reasons)},${csvField(r.model_version)},`;
    out += `${r.model_health_score},${r.model_tier},${csvField(r.override)},${csvField(r.override_reason)},${csvField(r.override_author)}\n`;
  }
  return out;
}

/** A chunk of the model's scores, column-wise (as `scoreInputs` returns them); `ScoresCsvBytes` writes its lines. */
export interface ScoredColumns {
  readonly customerId: readonly string[];
  readonly churnProbability: ArrayLike<number>;
  readonly healthScore: ArrayLike<number>;
  readonly tier: readonly Tier[];
  /** Reasons cells (text), or null when the job runs without reasons. */
  readonly reasons: readonly string[] | null;
}
