/**
 * The evaluation of `RUN/metrics.json`: per model and baseline, the ranking metrics, the probability metrics and
 * chart curves. A score that is only a ranking (RFM) gets null probability metrics rather than numbers that would
 * look meaningful and are not.
 */
import { z } from 'zod';
import { averagePrecisionFromCurve } from './average-precision.ts';
import { baseRateScores } from './baselines.ts';
import { AucInterval, bootstrapAucInterval, type BootstrapOptions } from './bootstrap-auc-interval.ts';
import { brierScore } from './brier-score.ts';
import { expectedCalibrationError } from './expected-calibration-error.ts';
import { ksStatisticFromTable } from './ks-statistic.ts';
import { liftFromTable } from './lift.ts';
import { logLoss } from './log-loss.ts';
import { prCurve } from './pr-curve.ts';
import { ReliabilityRow, reliabilityTable } from './reliability-table.ts';
import { rocAucFromTable } from './roc-auc.ts';
import { rocCurve } from './roc-curve.ts';
import { thresholdTable } from './threshold-table.ts';
import { checkScoredLabels, countPositives } from './scored-labels.ts';
import { pick, thinIndices } from './thin-curve.ts';

export const TOP_SHARES = [0.05, 0.1, 0.2] as const;

export const LiftRow = z.object({ share: z.number(), lift: z.number(), captureRate: z.number() });

export const MetricSet = z.object({
  n: z.number().int().positive(),
  positives: z.number().int().nonnegative(),
  baseRate: z.number(),
  rocAuc: z.number(),
  averagePrecision: z.number(),
  ksStatistic: z.number(),
  lift: z.array(LiftRow),
  brierScore: z.number().nullable(),
  logLoss: z.number().nullable(),
  expectedCalibrationError: z.number().nullable(),
});
export type MetricSet = z.infer<typeof MetricSet>;

export const CurvePoints = z.object({
  roc: z.object({ fpr: z.array(z.number()), tpr: z.array(z.number()), thresholds: z.array(z.number()) }),
  pr: z.object({ precision: z.array(z.number()), recall: z.array(z.number()) }),
});

export const ScoreEvaluation = z.object({
  name: z.string(),
  role: z.enum(['model', 'baseline']),
  /** Whether the scores are churn probabilities (then Brier, log-loss, ECE and reliability are filled). */
  isProbability: z.boolean(),
  metrics: MetricSet,
  rocAucInterval: AucInterval,
  reliability: z.array(ReliabilityRow).nullable(),
  curves: CurvePoints,
});
export type ScoreEvaluation = z.infer<typeof ScoreEvaluation>;

/**
 * The evaluation written to `metrics.json`: for each model and baseline on the same rows, ROC-AUC
 * with a bootstrap 95% interval, PR-AUC, Brier, log-loss, ECE, lift and capture at 5/10/20%, KS,
 * the reliability table and curves. A zod schema: `EvaluationReport.parse(json)` checks a saved one.
 *
 * @example
 * ```ts
 * import { buildFeatures, evaluateModel, readCustomerData, temporalSplit, trainChurnModel, type EvaluationReport } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const split = temporalSplit(buildFeatures(data));
 * const report: EvaluationReport = evaluateModel(await trainChurnModel(split, { model: 'logistic' }), split.test);
 * console.log(report.baselines.map((b) => b.name).join(', ')); // => rfm, base rate
 * ```
 */
export const EvaluationReport = z.object({
  /** Which rows were scored, e.g. "temporal test split, cutoff 2024-03-31". */
  split: z.string(),
  horizonDays: z.number().int().positive().nullable(),
  /** The sentence every report carries about what a score means. */
  scoreMeaning: z.string(),
  models: z.array(ScoreEvaluation),
  baselines: z.array(ScoreEvaluation),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;

export interface EvaluateOptions {
  name: string;
  role?: 'model' | 'baseline';
  /** Default true; false for a ranking-only score such as RFM. */
  isProbability?: boolean;
  bootstrap?: BootstrapOptions;
  /** Most points kept per chart curve (default 201). */
  maxCurvePoints?: number;
}

/** Why the labels cannot be evaluated (one class only), for a user-facing error before `evaluate` throws. */
export function evaluationProblem(labels: ArrayLike<number>): string | null {
  const p = countPositives(labels);
  if (labels.length === 0) return 'the evaluation split is empty';
  if (p === 0) return `the evaluation split has no churners among ${labels.length} customers; ROC-AUC is undefined`;
  if (p === labels.length) return `every one of the ${labels.length} customers in the evaluation split churned; ROC-AUC is undefined`;
  return null;
}

/** Every metric, the interval, the reliability table and the curves for one score vector. */
export function evaluate(scores: ArrayLike<number>, labels: ArrayLike<number>, opts: EvaluateOptions): ScoreEvaluation {
  checkScoredLabels(scores, labels, 'evaluate');
  const problem = evaluationProblem(labels);
  if (problem !== null) throw new Error(`evaluate ${opts.name}: ${problem}`);
  const isProbability = opts.isProbability ?? true;
  const positives = countPositives(labels);
  // One sort for every ranking metric; the public metric functions each sort on their own.
  const table = thresholdTable(scores, labels);
  const roc = rocCurve(table);
  const pr = prCurve(table);
  const maxPoints = opts.maxCurvePoints ?? 201;
  const rocIdx = thinIndices(roc.fpr.length, maxPoints);
  const prIdx = thinIndices(pr.precision.length, maxPoints);
  return {
    name: opts.name,
    role: opts.role ?? 'model',
    isProbability,
    metrics: {
      n: labels.length,
      positives,
      baseRate: positives / labels.length,
      rocAuc: rocAucFromTable(table),
      averagePrecision: averagePrecisionFromCurve(pr),
      ksStatistic: ksStatisticFromTable(table),
      lift: TOP_SHARES.map((share) => ({ share, ...liftFromTable(table, share) })),
      brierScore: isProbability ? brierScore(scores, labels) : null,
      logLoss: isProbability ? logLoss(scores, labels) : null,
      expectedCalibrationError: isProbability ? expectedCalibrationError(scores, labels) : null,
    },
    rocAucInterval: bootstrapAucInterval(scores, labels, opts.bootstrap),
    reliability: isProbability ? reliabilityTable(scores, labels) : null,
    curves: {
      roc: { fpr: pick(roc.fpr, rocIdx), tpr: pick(roc.tpr, rocIdx), thresholds: pick(roc.thresholds, rocIdx) },
      pr: { precision: pick(pr.precision, prIdx), recall: pick(pr.recall, prIdx) },
    },
  };
}

export interface ScoreVector {
  name: string;
  scores: ArrayLike<number>;
  isProbability?: boolean;
}

export interface ReportOptions {
  split: string;
  horizonDays: number | null;
  /** Churn rate of the training split, for the "predict the base rate" baseline. */
  trainingBaseRate: number;
  bootstrap?: BootstrapOptions;
  maxCurvePoints?: number;
}

/** What a score means, with the horizon filled in. */
export function scoreMeaning(horizonDays: number | null): string {
  const h = horizonDays === null ? 'the horizon' : `${horizonDays} days`;
  return `health score = round(100 × (1 − calibrated churn probability)); a score of 80 means about a 20% chance of churning within ${h}`;
}

/** The models, the given baselines and "predict the base rate", all on the same labels with the same options. */
export function evaluationReport(
  labels: ArrayLike<number>,
  models: readonly ScoreVector[],
  baselines: readonly ScoreVector[],
  opts: ReportOptions,
): EvaluationReport {
  const common = { bootstrap: opts.bootstrap, maxCurvePoints: opts.maxCurvePoints };
  const baseRate: ScoreVector = { name: 'base rate', scores: baseRateScores(opts.trainingBaseRate, labels.length), isProbability: true };
  return {
    split: opts.split,
    horizonDays: opts.horizonDays,
    scoreMeaning: scoreMeaning(opts.horizonDays),
    models: models.map((m) => evaluate(m.scores, labels, { ...common, name: m.name, role: 'model', isProbability: m.isProbability })),
    baselines: [...baselines, baseRate].map((b) =>
      evaluate(b.scores, labels, { ...common, name: b.name, role: 'baseline', isProbability: b.isProbability ?? false }),
    ),
  };
}
