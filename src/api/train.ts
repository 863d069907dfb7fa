/**
 * Training from code: fits the asked model kind(s) on the training part, calibrates each on the
 * calibration part (Platt or isotonic, by validation log-loss) and, for `'auto'`, keeps the kind
 * with the lower calibrated validation log-loss — the model choice of `healthscore run`.
 */
import { z } from 'zod';
import { GbdtParams } from '../learn/gbdt/index.ts';
import { LogisticOptions } from '../learn/logistic/fit.ts';
import { bestCandidate, fitCandidate, type Candidate } from '../training/fit-candidates.ts';
import { candidateFacts } from '../training/candidate-facts.ts';
import { versionAt } from '../training/saved-model.ts';
import { DEFAULT_TIER_CONFIG, TierConfig } from '../score/tiers.ts';
import { LogArgument, parseArgument } from './argument.ts';
import { silentLog } from '../diagnostics/log.ts';
import { HealthModel } from './health-model.ts';
import type { ModelSplit } from './split.ts';

const TrainOptions = z.strictObject({
  model: z.enum(['logistic', 'gbdt', 'auto']).default('auto'),
  logistic: LogisticOptions.optional(),
  gbdt: GbdtParams.optional(),
  monotone: z.boolean().default(false),
  tiers: TierConfig.default(DEFAULT_TIER_CONFIG),
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore').default('churn'),
  version: z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore').optional(),
  log: LogArgument.optional(),
  threads: z.number().int().positive().optional(),
});

/**
 * Options of {@link trainChurnModel}: `model` (`'logistic'`, `'gbdt'` or `'auto'`, the default),
 * the learners' parameters (`logistic: { C, … }`, `gbdt: { learningRate, maxDepth, nThreads, … }`),
 * `monotone` (the GBDT follows the feature dictionary's risk directions), the `tiers`, the
 * `name`/`version` written in the manifest, a `log` for progress lines, and `threads`, the threads
 * the fit may use, the calling thread included (default `defaultThreads()`, the machine's cores).
 *
 * @example
 * ```ts
 * import type { TrainChurnModelOptions } from 'healthscore';
 * const options: TrainChurnModelOptions = { model: 'gbdt', gbdt: { learningRate: 0.05 }, tiers: { by: 'capacity', atRiskShare: 0.1 } };
 * console.log(options.model); // => gbdt
 * ```
 */
export type TrainChurnModelOptions = z.input<typeof TrainOptions>;

/**
 * Trains and calibrates a churn model on a split. Only the train, calibration and validation
 * parts are used; the test part is left for {@link evaluateModel}.
 *
 * @throws UserError on an invalid option or a non-finite input value (named by row and column).
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, temporalSplit, trainChurnModel } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const model = await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'gbdt' });
 * console.log(model.kind, model.manifest.calibration.chosen === 'platt' || model.manifest.calibration.chosen === 'isotonic'); // => gbdt true
 * ```
 */
export async function trainChurnModel(split: ModelSplit, options: TrainChurnModelOptions = {}): Promise<HealthModel> {
  const o = parseArgument('trainChurnModel', 'options', TrainOptions, options);
  const started = new Date();
  const kinds = o.model === 'auto' ? (['logistic', 'gbdt'] as const) : [o.model];
  const parts = { train: split.train, calibration: split.calibration, validation: split.validation, test: split.test };
  const candidates: Candidate[] = [];
  const log = o.log ?? silentLog;
  for (const kind of kinds) {
    log.info(`training ${kind} on ${split.train.labels.length} rows…`);
    const c = await fitCandidate(kind, parts, split.inputs, split.snapshots.dictionary, {
      logistic: o.threads === undefined ? o.logistic : { ...o.logistic, threads: o.threads },
      gbdt: o.threads === undefined ? o.gbdt : { ...o.gbdt, nThreads: o.threads },
      monotone: o.monotone,
    });
    log.info(`${kind}: trained in ${c.trainSeconds.toFixed(1)} s, calibrated with ${c.calibration.chosen}, validation log-loss ${c.validationLogLoss.toFixed(4)}`);
    candidates.push(c);
  }
  const chosen = bestCandidate(candidates);
  const facts = candidateFacts(chosen, {
    name: o.name,
    version: o.version ?? versionAt(started),
    inputs: split.inputs,
    dictionary: split.snapshots.dictionary,
    tiers: o.tiers,
    horizonDays: split.snapshots.horizonDays,
    featureSpec: split.snapshots.featureSpec,
    churn: split.snapshots.churn,
    splits: split.holdouts,
    parts,
  });
  const manifest = {
    ...facts,
    formatVersion: 1 as const,
    modelKind: chosen.kind,
    createdAt: started.toISOString(),
    files: {},
    preprocessing: chosen.trained.preprocessor,
    libraries: {},
  };
  const labels = split.train.labels;
  const trainingBaseRate = labels.reduce((s, v) => s + v, 0) / labels.length;
  return new HealthModel({ manifest, fitted: chosen.trained.fitted }, { chosen, candidates, facts, trainingBaseRate });
}
