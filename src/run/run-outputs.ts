/**
 * The run's customer-facing outputs: `scores.csv` (every active customer at the end of the data), `priority.csv`
 * (ranked by revenue at risk) and the manager report (`report.html`, `report.md`, and its `report-input.json`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../diagnostics/user-error.ts';
import { renderHtmlReport } from '../report/html.ts';
import { renderMarkdownReport } from '../report/markdown.ts';
import { lifecycleStages } from '../score/lifecycle.ts';
import { priorityList } from '../score/priority.ts';
import { reasonsCell, scoreSnapshot, type SnapshotScores } from '../score/score-snapshot.ts';
import { customerValue, type CustomerValue } from '../value/customer-value.ts';
import { assembleReport } from './report-assembly.ts';
import { REPORT_INPUT_FILE } from './stages/report-stage.ts';
import type { RunContext } from './run-context.ts';
import { idsOf, summariesAt } from '../training/transaction-summaries.ts';

function numberColumn(table: import('arquero').ColumnTable, name: string, fallback: number): Float64Array {
  if (!table.columnNames().includes(name)) return new Float64Array(table.numRows()).fill(fallback);
  return Float64Array.from(table.array(name) as ArrayLike<number | null>, (v) => (v === null ? fallback : Number(v)));
}

function valueOf(ctx: RunContext, scores: SnapshotScores): CustomerValue {
  const { prepared } = ctx;
  const snapshot = prepared.snapshot;
  const asOfMs = prepared.asOf === null ? null : Date.parse(`${prepared.asOf}T00:00:00Z`);
  const summary = prepared.data !== null && asOfMs !== null ? summariesAt(prepared.data, idsOf(snapshot), asOfMs) : null;
  const mrr = numberColumn(snapshot, 'current_mrr', 0);
  return customerValue({ summary, mrr, churnProbability: scores.churnProbability, horizonDays: prepared.horizonDays ?? 90 });
}

export async function writeRunOutputs(ctx: RunContext): Promise<SnapshotScores> {
  const { options: o, prepared, bundle, log } = ctx;
  const scores = scoreSnapshot(bundle, prepared.snapshot, { reasons: true });
  if ('problem' in scores) throw new UserError(`cannot score the snapshot: ${scores.problem}`);
  const value = valueOf(ctx, scores);
  const n = scores.customerId.length;
  const tenure = numberColumn(prepared.snapshot, 'tenure_days', Number.POSITIVE_INFINITY);
  const trend = numberColumn(prepared.snapshot, 'events_trend_30d', Number.NaN).map((v) => v - 1);
  const stage = lifecycleStages({ tenureDays: tenure, activityTrend: trend, tier: scores.tier, churned: new Uint8Array(n) });
  const reasons = (scores.reasons ?? []).map(reasonsCell);
  const asOf = prepared.asOf ?? '';
  const version = `${bundle.manifest.name}/${bundle.manifest.version}`;
  const rows = scores.customerId.map((id, i) => [
    id,
    asOf,
    scores.churnProbability[i].toFixed(6),
    scores.healthScore[i],
    scores.tier[i],
    reasons[i] ?? '',
    version,
    value.lifetimeValue[i].toFixed(2),
    value.revenueAtRisk[i].toFixed(2),
    value.method[i],
    stage[i],
  ]);
  const header = ['customer_id', 'as_of', 'churn_probability', 'health_score', 'tier', 'reasons', 'model_version', 'lifetime_value', 'revenue_at_risk', 'value_method', 'lifecycle_stage'];
  writeFileSync(join(o.out, 'scores.csv'), stringify([header, ...rows]));
  const priority = priorityList({
    customerId: scores.customerId,
    revenueAtRisk: value.revenueAtRisk,
    lifetimeValue: value.lifetimeValue,
    valueMethod: value.method,
    churnProbability: scores.churnProbability,
    healthScore: scores.healthScore,
    tier: scores.tier,
    stage,
    reasons,
  });
  writeFileSync(join(o.out, 'priority.csv'), stringify(priority, { header: true }));
  log.info(`scored ${n} customers as of ${asOf || 'the tabular file'}: scores.csv, priority.csv`);

  const scored = scores.customerId.map((id, i) => ({
    customerId: id,
    score: scores.healthScore[i],
    tier: scores.tier[i],
    churnProbability: scores.churnProbability[i],
    reasons: reasons[i] ?? '',
    value: value.method[i] === 'none' ? null : value.lifetimeValue[i],
    revenueAtRisk: value.method[i] === 'none' ? null : value.revenueAtRisk[i],
  }));
  const report = assembleReport(ctx, scored, priority);
  writeFileSync(join(o.out, REPORT_INPUT_FILE), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(o.out, 'report.html'), await renderHtmlReport(report));
  writeFileSync(join(o.out, 'report.md'), renderMarkdownReport(report));
  log.info(`report written to ${join(o.out, 'report.html')} and report.md`);
  return scores;
}
