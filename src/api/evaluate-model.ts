/**
 * Evaluating a model from code: the metrics of `metrics.json` on a held-out part — ROC-AUC with a
 * bootstrap interval, PR-AUC, Brier, log-loss, ECE, lift and capture, KS, reliability table,
 * curves — for the model beside the RFM baseline (where the part has RFM scores) and the base rate.
 */
import { z } from 'zod';
import { evaluationReport, evaluationProblem, type EvaluationReport, type ScoreVector } from '../evaluate/evaluation-report.ts';
import { UserError } from '../diagnostics/user-error.ts';
import { rfmBaseline } from '../training/baselines.ts';
import { parseArgument } from './argument.ts';
import type { HealthModel } from './health-model.ts';
import type { SplitPart } from './split.ts';

const EvaluateOptions = z.strictObject({
  baselines: z.array(z.custom<ScoreVector>((v) => typeof v === 'object' && v !== null && 'name' in v && 'scores' in v, '{ name, scores, isProbability? }')).default([]),
  name: z.string().optional(),
});

/**
 * Options of {@link evaluateModel}: more `baselines` to judge beside the model (each
 * `{ name, scores, isProbability? }`, one score per row of the part, higher = riskier), and the
 * model's `name` in the report (default its kind).
 *
 * @example
 * ```ts
 * import type { EvaluateModelOptions } from 'healthscore';
 * const options: EvaluateModelOptions = { name: 'gbdt-v2', baselines: [{ name: 'coin', scores: [0.5, 0.5], isProbability: true }] };
 * console.log(options.baselines?.length); // => 1
 * ```
 */
export type EvaluateModelOptions = z.input<typeof EvaluateOptions>;

/**
 * The evaluation of `model` on `part` (usually `split.test`), as in `metrics.json`:
 * `report.models[0].metrics.rocAuc`, `.averagePrecision`, `.brierScore`, `.logLoss`,
 * `.expectedCalibrationError`, `.lift`, and `report.baselines`. The base-rate baseline uses the
 * model's training churn rate (for a loaded model, the part's own rate).
 *
 * @throws UserError when the part has one class only (no ranking metric exists).
 * @example
 * ```ts
 * import { buildFeatures, evaluateModel, readCustomerData, temporalSplit, trainChurnModel, type EvaluationReport } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const split = temporalSplit(buildFeatures(data));
 * const report: EvaluationReport = evaluateModel(await trainChurnModel(split, { model: 'logistic' }), split.test);
 * const auc = report.models[0].metrics.rocAuc;
 * console.log(auc !== null && auc > 0.5 && auc <= 1); // => true
 * ```
 */
export function evaluateModel(model: HealthModel, part: SplitPart, options: EvaluateModelOptions = {}): EvaluationReport {
  const o = parseArgument('evaluateModel', 'options', EvaluateOptions, options);
  const problem = evaluationProblem(part.labels);
  if (problem !== null) throw new UserError(`evaluateModel: ${problem}`);
  const baselines: ScoreVector[] = [...o.baselines];
  const rfm = rfmBaseline(part.table);
  if (rfm !== null) baselines.push(rfm);
  const rate = model.trainingBaseRate ?? part.labels.reduce((s, v) => s + v, 0) / part.labels.length;
  return evaluationReport(part.labels, [{ name: o.name ?? model.kind, scores: model.churnProbabilities(part), isProbability: true }], baselines, {
    split: part.description,
    horizonDays: model.manifest.horizonDays,
    trainingBaseRate: rate,
  });
}
