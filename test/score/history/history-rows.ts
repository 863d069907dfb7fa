import type { HistoryRow, ModelScoreRow } from '../../../src/score/history/history-row.ts';
import { overrideRow } from '../../../src/score/overrides.ts';

/** A history row without override, its tier from the default thresholds (70 / 40). */
export function historyRow(customer: string, asOf: string, score: number, reasons = 'no login in 34 days'): HistoryRow {
  const model: ModelScoreRow = {
    customer_id: customer,
    as_of: asOf,
    churn_probability: (100 - score) / 100,
    health_score: score,
    tier: score >= 70 ? 'healthy' : score >= 40 ? 'watch' : 'at-risk',
    reasons,
    model_version: 'churn/1',
  };
  return overrideRow(model, undefined);
}
