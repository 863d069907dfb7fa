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
import { isoDate } from '../features/summary.ts';
import { customerValue, type CustomerValue } from '../value/customer-value.ts';
import { columnImportance } from '../training/model-importance.ts';
import { assembleReport } from './report-assembly.ts';
import type { ReportInput } from '../report/report-input.ts';
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
  return customerValue(
    {
      summary,
      mrr: numberColumn(snapshot, 'current_mrr', 0),
      churnProbability: scores.churnProbability,
      horizonDays: prepared.horizonDays ?? 90,
    },
    {},
  );
}

function weightsForReport(ctx: RunContext): ReportInput['weights'] {
  if (ctx.ahp === null) return null;
  const c = ctx.ahp.comparison;
  const chosen = c.models.find((m) => m.model === ctx.chosen.kind) ?? c.models[0];
  if (chosen === undefined) return null;
  const fitted = new Map((c.fittedHandWeights?.dimensions ?? []).map((d) => [d.name, d.weight]));
  return {
    configName: c.config,
    rows: chosen.dimensions.map((d) => ({ dimension: d.name, ahpWeight: d.ahpWeight, learnedShare: d.learnedShare, fittedWeight: fitted.get(d.name) ?? null })),
    spearman: chosen.dimensionRankCorrelation.spearman,
    kendall: chosen.dimensionRankCorrelation.kendallTauB,
    disagreements: chosen.disagreements.slice(0, 3).map((d) => d.sentence),
  };
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

  const cutoffs = [...new Set(Array.from(prepared.labelled.columnNames().includes('cutoff') ? (prepared.labelled.array('cutoff') as ArrayLike<number>) : []))].sort((a, b) => a - b);
  const labels = prepared.labelled.array('label') as ArrayLike<number>;
  let churned = 0;
  for (let i = 0; i < labels.length; i++) churned += labels[i] === 1 ? 1 : 0;
  const report = assembleReport({
    title: 'Customer health report',
    generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    horizonDays: prepared.horizonDays,
    source: prepared.source,
    periodStart: cutoffs.length > 0 ? isoDate(cutoffs[0]) : '–',
    periodEnd: asOf || '–',
    cutoffs: cutoffs.map(isoDate),
    testCutoffs: (prepared.split.holdouts.cutoffs?.test ?? []).map(isoDate),
    labelledRows: labels.length,
    churnRate: labels.length === 0 ? 0 : churned / labels.length,
    chosen: ctx.chosen.kind,
    calibrationMethod: ctx.chosen.calibration.chosen === 'isotonic' ? 'isotonic regression' : 'Platt scaling',
    metrics: ctx.metrics,
    importance: columnImportance(ctx.chosen.trained, ctx.chosen.test.matrix, prepared.dictionary),
    weights: weightsForReport(ctx),
    scores: scores.customerId.map((id, i) => ({
      customerId: id,
      churnProbability: scores.churnProbability[i],
      healthScore: scores.healthScore[i],
      tier: scores.tier[i],
      reasons: reasons[i] ?? '',
      value: value.method[i] === 'none' ? null : value.lifetimeValue[i],
      revenueAtRisk: value.method[i] === 'none' ? null : value.revenueAtRisk[i],
    })),
    priority,
    ingest: prepared.ingest,
  });
  writeFileSync(join(o.out, 'report-input.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(o.out, 'report.html'), await renderHtmlReport(report));
  writeFileSync(join(o.out, 'report.md'), renderMarkdownReport(report));
  log.info(`report written to ${join(o.out, 'report.html')} and report.md`);
  return scores;
}
