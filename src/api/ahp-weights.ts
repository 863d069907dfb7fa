/**
 * AHP from code: the weights of a whole hierarchy (a config object or file), the priority vector
 * and consistency of one pairwise matrix, and the comparison of hand-set weights with what a
 * trained model learned, on the model's own held-out customers.
 */
import { z } from 'zod';
import { AhpConfig, indicatorLevels } from '../ahp/config.ts';
import { parseAhpConfig, readAhpConfig } from '../ahp/config-file.ts';
import { consistencyIndex } from '../ahp/consistency-index.ts';
import { consistencyRatio } from '../ahp/consistency-ratio.ts';
import { harkerCompletion } from '../ahp/harker-completion.ts';
import type { AhpWeights } from '../ahp/hierarchy-weights.ts';
import { isComplete, pairwiseMatrix } from '../ahp/pairwise-matrix.ts';
import { principalEigenvector } from '../ahp/principal-eigenvector.ts';
import type { WeightComparison } from '../ahp/weight-comparison.ts';
import { UserError } from '../diagnostics/user-error.ts';
import { compareWithAhp } from '../training/ahp-comparison.ts';
import { parseArgument } from './argument.ts';
import type { HealthModel } from './health-model.ts';
import type { ModelSplit } from './split.ts';

/**
 * The weights of an AHP hierarchy — dimensions under the goal, indicators under each dimension,
 * each indicator's global weight — with λmax, CI, RI and CR per node and warnings for
 * inconsistent judgments (CR > 0.10). `config` is a config object or the path of a JSON config.
 *
 * @throws UserError listing every problem of the config (file and place named).
 * @example
 * ```ts
 * import { ahpWeights } from 'healthscore/ahp';
 * const w = ahpWeights('models/ahp/practice-satisfaction-repeat-interaction-profit.json');
 * const total = w.indicators.reduce((s, i) => s + i.globalWeight, 0);
 * console.log(w.dimensions.length, total.toFixed(6)); // => 4 1.000000
 * ```
 */
export function ahpWeights(config: z.input<typeof AhpConfig> | string): AhpWeights {
  const r = typeof config === 'string' ? readAhpConfig(config) : parseAhpConfig(config, 'ahpWeights: config');
  if (!r.ok) throw new UserError(r.problems.join('\n'));
  return r.weights;
}

/**
 * The priorities of one pairwise comparison matrix: Saaty's principal eigenvector (summing to 1),
 * λmax, the consistency index CI = (λmax − n)/(n − 1) and ratio CR = CI / RI(n). `null` marks a
 * missing judgment; an incomplete matrix is completed by Harker's method first.
 *
 * @throws UserError for a matrix that is not square, not reciprocal-positive, or too incomplete to weigh.
 * @example
 * ```ts
 * import { judgmentWeights } from 'healthscore/ahp';
 * // Saaty's consistent 3 × 3 example: weights 4/7, 2/7, 1/7 and CR 0
 * const r = judgmentWeights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]);
 * console.log(r.weights.map((w) => w.toFixed(4)).join(' '), r.consistencyRatio.toFixed(4)); // => 0.5714 0.2857 0.1429 0.0000
 * ```
 */
export function judgmentWeights(rows: ReadonlyArray<ReadonlyArray<number | null>>): { weights: number[]; lambdaMax: number; consistencyIndex: number; consistencyRatio: number } {
  const checked = parseArgument('judgmentWeights', 'rows', z.array(z.array(z.number().positive().nullable())).min(1), rows);
  const n = checked.length;
  if (checked.some((r) => r.length !== n)) throw new UserError(`judgmentWeights: rows: expected a square ${n} × ${n} matrix`);
  let m = pairwiseMatrix(checked);
  if (!isComplete(m)) {
    const completed = harkerCompletion(m);
    if (!completed.ok) throw new UserError(`judgmentWeights: the judgments fall into ${completed.groups.length} unlinked groups of criteria; add a judgment between groups`);
    m = completed.matrix;
  }
  const eigen = principalEigenvector(m);
  return {
    weights: Array.from(eigen.weights),
    lambdaMax: eigen.lambdaMax,
    consistencyIndex: consistencyIndex(eigen.lambdaMax, n),
    consistencyRatio: consistencyRatio(eigen.lambdaMax, n),
  };
}

/**
 * Hand-set AHP weights beside what `model` learned (logistic: |standardised coefficient|; GBDT:
 * mean |SHAP|), per dimension and indicator, with rank correlations, the implied pairwise matrix,
 * the judgments the data disagrees with most, and data-fitted hand weights — on the same parts as
 * the model. `model` must come from `trainChurnModel` on `split`. `testScores` holds, per row of
 * `split.test`, the churn probability of the AHP score (Platt-mapped on the calibration part) and
 * of the data-fitted hand weights: pass them to `evaluateModel` as baselines to judge them beside
 * the model.
 *
 * @throws UserError when the model was loaded rather than trained, or an indicator is not a feature of the split.
 * @example
 * ```ts
 * import { buildFeatures, evaluateModel, readCustomerData, temporalSplit, trainChurnModel } from 'healthscore';
 * import { compareWithModel } from 'healthscore/ahp';
 * const data = await readCustomerData('data/sample');
 * const split = temporalSplit(buildFeatures(data));
 * const model = await trainChurnModel(split, { model: 'logistic' });
 * const c = compareWithModel('models/ahp/practice-satisfaction-repeat-interaction-profit.json', model, split);
 * const report = evaluateModel(model, split.test, { baselines: [{ name: 'ahp', scores: c.testScores.ahp, isProbability: true }] });
 * console.log(c.models[0].dimensions.length, report.baselines[0].name); // => 4 ahp
 * ```
 */
export function compareWithModel(
  config: z.input<typeof AhpConfig> | string,
  model: HealthModel,
  split: ModelSplit,
): WeightComparison & { testScores: { ahp: Float64Array; fitted: Float64Array } } {
  const source = typeof config === 'string' ? config : 'compareWithModel: config';
  const r = typeof config === 'string' ? readAhpConfig(config) : parseAhpConfig(config, source);
  if (!r.ok) throw new UserError(r.problems.join('\n'));
  const trained = model.trainedCandidates();
  if (trained === null) throw new UserError('compareWithModel: the model was loaded from disk; compare a model trained with trainChurnModel on this split');
  const parts = { train: split.train, calibration: split.calibration, validation: split.validation, test: split.test };
  const compared = compareWithAhp(r.weights, source, split.snapshots.dictionary, split.holdouts, parts, [trained.chosen], indicatorLevels(r.config));
  if ('problem' in compared) throw new UserError(`compareWithModel: ${compared.problem}`);
  return { ...compared.comparison, testScores: { ahp: compared.ahpTest, fitted: compared.fittedTest } };
}
