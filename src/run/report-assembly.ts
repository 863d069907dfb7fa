/**
 * The manager report's input built from a finished run: every model's metrics, the chosen one's calibration and
 * importance in words, today's tiers and score distribution, lift, the riskiest customers and the ingest summary.
 */
import type { ScoreEvaluation } from '../evaluate/evaluation-report.ts';
import { formatIsoDay } from '../data/iso-date.ts';
import type { ReportInput } from '../report/report-input.ts';
import type { PriorityRow } from '../score/priority.ts';
import { columnImportance } from '../training/model-importance.ts';
import type { RunContext } from './run-context.ts';

/** A scored customer in the shape the report lists the riskiest, its tier as scored (`at-risk`). */
export type ScoredRow = ReportInput['riskiest'][number];

const LABELS: Record<string, string> = {
  logistic: 'logistic regression',
  gbdt: 'gradient-boosted trees',
  'base rate': 'predict the base rate',
  ahp: 'AHP hand weights',
  'bg/nbd': 'BG/NBD (no purchase in the horizon)',
  'ahp-fitted': 'data-fitted hand weights',
  rfm: 'RFM score',
};

const TIER_LABEL: Record<string, string> = { healthy: 'healthy', watch: 'watch', 'at-risk': 'at risk' };
const tierLabel = (t: string): string => TIER_LABEL[t] ?? t;

function quality(e: ScoreEvaluation, chosen: string): ReportInput['models'][number] {
  const at10 = e.metrics.lift.find((l) => l.share === 0.1);
  return {
    name: e.name,
    label: LABELS[e.name] ?? e.name,
    chosen: e.name === chosen,
    rocAuc: e.metrics.rocAuc,
    rocAucLow: e.rocAucInterval.lower,
    rocAucHigh: e.rocAucInterval.upper,
    prAuc: e.metrics.averagePrecision,
    brier: e.metrics.brierScore,
    logLoss: e.metrics.logLoss,
    ece: e.metrics.expectedCalibrationError,
    liftAt10: at10?.lift ?? Number.NaN,
    captureAt10: at10?.captureRate ?? Number.NaN,
  };
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

export function assembleReport(ctx: RunContext, scores: ScoredRow[], priority: PriorityRow[]): ReportInput {
  const { prepared, metrics } = ctx;
  const chosen = ctx.chosen.kind;
  const evaluations = [...metrics.models, ...metrics.baselines];
  const chosenEval = metrics.models.find((m) => m.name === chosen);
  const { labelled } = prepared;
  const cutoffs = [...new Set(Array.from(labelled.columnNames().includes('cutoff') ? (labelled.array('cutoff') as ArrayLike<number>) : []))].sort((a, b) => a - b);
  const labels = labelled.array('label') as ArrayLike<number>;
  const churned = Array.from(labels).filter((v) => v === 1).length;
  const importance = columnImportance(ctx.chosen.trained, ctx.chosen.test.matrix, prepared.dictionary);
  const counts = new Map<string, { count: number; sum: number }>();
  for (const s of scores) {
    const c = counts.get(s.tier) ?? { count: 0, sum: 0 };
    c.count++;
    c.sum += s.score;
    counts.set(s.tier, c);
  }
  const n = Math.max(1, scores.length);
  const histogram = new Map<string, number>();
  for (const s of scores) {
    const bin = Math.min(95, 5 * Math.floor(s.score / 5));
    const key = `${bin}|${tierLabel(s.tier)}`;
    histogram.set(key, (histogram.get(key) ?? 0) + 1);
  }
  const riskiest = [...scores].sort((a, b) => b.churnProbability - a.churnProbability || a.customerId.localeCompare(b.customerId)).slice(0, 25);
  return {
    title: 'Customer health report',
    generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    horizonDays: prepared.horizonDays,
    data: {
      source: prepared.source,
      periodStart: cutoffs.length > 0 ? formatIsoDay(cutoffs[0]) : '–',
      periodEnd: prepared.asOf || '–',
      cutoffs: cutoffs.map(formatIsoDay),
      labelledRows: labels.length,
      customersScored: scores.length,
      churnRate: labels.length === 0 ? 0 : churned / labels.length,
      testCutoffs: (prepared.split.holdouts.cutoffs?.test ?? []).map(formatIsoDay),
      testRows: chosenEval?.metrics.n ?? 0,
    },
    models: evaluations.map((e) => quality(e, chosen)),
    calibration: {
      method: ctx.chosen.calibration.chosen === 'isotonic' ? 'isotonic regression' : 'Platt scaling',
      bins: (chosenEval?.reliability ?? []).flatMap((r) =>
        r.meanPredicted === null || r.observedRate === null ? [] : [{ meanPredicted: r.meanPredicted, observedRate: r.observedRate, count: r.count }],
      ),
    },
    importance: importance.slice(0, 15).map((r) => ({ feature: r.column, description: r.description, dimension: r.dimension, effect: r.effect, share: r.share })),
    weights: weightsForReport(ctx),
    tiers: ['healthy', 'watch', 'at-risk'].map((t) => {
      const c = counts.get(t) ?? { count: 0, sum: 0 };
      return { tier: tierLabel(t), count: c.count, share: c.count / n, meanScore: c.count === 0 ? 0 : c.sum / c.count };
    }),
    scoreHistogram: [...histogram.entries()].map(([key, count]) => {
      const [bin, tier] = key.split('|');
      return { binStart: Number(bin), tier, count };
    }),
    lift: metrics.models.flatMap((m) => [
      { model: LABELS[m.name] ?? m.name, percent: 0, lift: 0, capture: 0 },
      ...m.metrics.lift.map((l) => ({ model: LABELS[m.name] ?? m.name, percent: 100 * l.share, lift: l.lift, capture: l.captureRate })),
      { model: LABELS[m.name] ?? m.name, percent: 100, lift: 1, capture: 1 },
    ]),
    riskiest: riskiest.map((s) => ({ ...s, tier: tierLabel(s.tier) })),
    priority: priority.slice(0, 25).map((r) => ({
      rank: r.rank,
      customerId: r.customer_id,
      revenueAtRisk: r.revenue_at_risk,
      lifetimeValue: r.lifetime_value,
      valueMethod: r.value_method,
      churnProbability: r.churn_probability,
      score: r.health_score,
      tier: tierLabel(r.tier),
      stage: r.lifecycle_stage,
      reasons: r.reasons,
    })),
    dataQuality: prepared.ingest.tables.map((t) => ({
      table: t.table,
      read: t.read,
      accepted: t.accepted,
      rejected: t.rejected,
      topReasons: Object.entries(t.reasons as Record<string, number>)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([reason, count]) => `${reason} (${count})`),
    })),
  };
}
