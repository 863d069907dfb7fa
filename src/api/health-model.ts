/**
 * A fitted, calibrated churn model as a library user holds it: it scores snapshots into churn
 * probabilities, 0–100 health scores, tiers and reasons in words, explains itself (importance),
 * and saves as the same bundle the CLI writes and loads (`models/<name>/<version>/`).
 */
import type { ColumnTable } from 'arquero';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { columnValues } from '../data/column-values.ts';
import { UserError } from '../diagnostics/user-error.ts';
import { loadModelBundle, saveModelBundle } from '../score/bundle-artifact.ts';
import { MANIFEST_FILE } from '../learn/artifacts/manifest-base.ts';
import { type ModelBundle, type ModelFacts, type ModelManifest } from '../score/model-bundle.ts';
import { rawInputs } from '../learn/model-inputs.ts';
import { transform } from '../learn/preprocess/transform.ts';
import type { TrainedModel } from '../learn/train-churn-model.ts';
import type { Candidate } from '../training/fit-candidates.ts';
import { trainedFromBundle } from '../training/saved-model.ts';
import { columnImportance, type ColumnImportanceRow } from '../training/model-importance.ts';
import { formatReasons, type RowReasons } from '../score/reasons.ts';
import { scoreInputs, type SnapshotScores } from '../score/score-snapshot.ts';
import type { Tier } from '../score/tiers.ts';
import { parseArgument } from './argument.ts';

/**
 * One customer's score: calibrated churn probability within the model's horizon, health score
 * (round(100 × (1 − probability))), tier, and the reasons in words (`reasons`; the structured
 * `drivers` behind them: features pushing the score down and up, in churn log-odds).
 *
 * @example
 * ```ts
 * import { loadHealthModel, readCustomerData, snapshotAt, trainChurnModel, buildFeatures, temporalSplit, type CustomerScore } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const model = await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'logistic' });
 * const [first]: CustomerScore[] = model.score(snapshotAt(data, '2024-12-01'));
 * console.log(first.healthScore === Math.round(100 * (1 - first.churnProbability))); // => true
 * ```
 */
export interface CustomerScore {
  customerId: string;
  churnProbability: number;
  healthScore: number;
  tier: Tier;
  /** The top reasons in words, e.g. "↓ 41 days since last login; ↑ NPS 9"; empty without reasons. */
  reasons: string;
  drivers: RowReasons | null;
}

/**
 * How one candidate model did in training: the selection criterion (calibrated log-loss on the
 * validation part) and the calibrator chosen for it.
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, temporalSplit, trainChurnModel, type CandidateSummary } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const model = await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'auto' });
 * const kinds = model.candidates.map((c: CandidateSummary) => c.model);
 * console.log(kinds.join(' ')); // => logistic gbdt
 * ```
 */
export interface CandidateSummary {
  model: 'logistic' | 'gbdt';
  validationLogLoss: number;
  calibration: Candidate['calibration'];
  trainSeconds: number;
  iterations: number;
}

/** What a model was trained from: kept by `trainChurnModel` for evaluation, importance and AHP comparison. */
interface Training {
  chosen: Candidate;
  candidates: Candidate[];
  facts: ModelFacts;
  trainingBaseRate: number;
}

const ScoreOptions = z.strictObject({
  reasons: z.boolean().default(true),
  topK: z.number().int().positive().default(3),
  threads: z.number().int().positive().optional(),
});

/**
 * Options of {@link HealthModel.score}: `reasons` (default true; false skips the TreeSHAP work of
 * a GBDT), `topK`, the reasons per direction (default 3), and `threads` (default
 * `defaultThreads()`).
 *
 * @example
 * ```ts
 * import type { ScoreOptions } from 'healthscore';
 * const options: ScoreOptions = { reasons: true, topK: 2 };
 * console.log(options.topK); // => 2
 * ```
 */
export type ScoreOptions = z.input<typeof ScoreOptions>;

/**
 * Rows a model can read: a snapshot, a split part, or any arquero table with the model's input
 * columns (and `customer_id`, or rows are numbered).
 *
 * @example
 * ```ts
 * import { readCustomerData, snapshotAt, type ScorableRows } from 'healthscore';
 * const rows: ScorableRows = snapshotAt(await readCustomerData('data/sample'), '2024-12-01');
 * console.log('table' in rows); // => true
 * ```
 */
export type ScorableRows = { table: ColumnTable } | ColumnTable;

const tableOf = (rows: ScorableRows): ColumnTable => ('table' in rows && typeof rows.table === 'object' && 'numRows' in rows.table ? rows.table : (rows as ColumnTable));

/**
 * A fitted and calibrated churn model. Get one from {@link trainChurnModel} or
 * {@link loadHealthModel}.
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, snapshotAt, temporalSplit, trainChurnModel, HealthModel } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const model: HealthModel = await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'logistic' });
 * const scores = model.score(snapshotAt(data, '2024-12-01'), { reasons: false });
 * console.log(model.kind, scores.every((s) => s.healthScore >= 0 && s.healthScore <= 100)); // => logistic true
 * await model.save('models/churn');
 * ```
 */
export class HealthModel {
  /** The manifest (inputs, preprocessing, calibrator, tiers, horizon, split, metrics) and the fitted model. */
  readonly bundle: ModelBundle;
  readonly #training: Training | null;

  /** @internal Use trainChurnModel or loadHealthModel. */
  constructor(bundle: ModelBundle, training: Training | null) {
    this.bundle = bundle;
    this.#training = training;
  }

  /** `'logistic'` or `'gbdt'`. */
  get kind(): 'logistic' | 'gbdt' {
    return this.bundle.fitted.kind;
  }

  get manifest(): ModelManifest {
    return this.bundle.manifest;
  }

  /** Every model trained to choose this one (empty for a loaded model). */
  get candidates(): CandidateSummary[] {
    return (this.#training?.candidates ?? []).map((c) => ({
      model: c.kind,
      validationLogLoss: c.validationLogLoss,
      calibration: c.calibration,
      trainSeconds: c.trainSeconds,
      iterations: c.trained.iterations,
    }));
  }

  /** Churn rate of the training part (null for a loaded model). */
  get trainingBaseRate(): number | null {
    return this.#training?.trainingBaseRate ?? null;
  }

  /** @internal The training candidates, for the AHP comparison. */
  trainedCandidates(): { chosen: Candidate; candidates: Candidate[] } | null {
    return this.#training === null ? null : { chosen: this.#training.chosen, candidates: this.#training.candidates };
  }

  /**
   * Scores every row: churn probability, health score, tier and (unless `reasons: false`) the
   * `topK` reasons in words. Tiers by capacity rank the rows against each other.
   * @throws UserError when the rows lack an input column of the model.
   */
  score(rows: ScorableRows, options: ScoreOptions = {}): CustomerScore[] {
    const o = parseArgument('score', 'options', ScoreOptions, options);
    const s = this.#scores(rows, o.reasons, o.topK, o.threads);
    return s.customerId.map((customerId, i) => ({
      customerId,
      churnProbability: s.churnProbability[i],
      healthScore: s.healthScore[i],
      tier: s.tier[i],
      reasons: s.reasons === null ? '' : formatReasons(s.reasons[i]),
      drivers: s.reasons?.[i] ?? null,
    }));
  }

  /** Calibrated churn probabilities of the rows, in row order (what `score` reports, without the rest). */
  churnProbabilities(rows: ScorableRows, options: { threads?: number } = {}): Float64Array {
    const { threads } = parseArgument('churnProbabilities', 'options', ScoreOptions.pick({ threads: true }), options);
    return this.#scores(rows, false, 1, threads).churnProbability;
  }

  #scores(rows: ScorableRows, reasons: boolean, topK: number, threads: number | undefined): SnapshotScores {
    const table = tableOf(rows);
    const raw = rawInputs(table, this.manifest.inputs);
    if ('problem' in raw) throw new UserError(`score: ${raw.problem}`);
    const ids = table.columnNames().includes('customer_id') ? Array.from(columnValues(table, 'customer_id'), String) : Array.from({ length: table.numRows() }, (_, i) => String(i));
    return scoreInputs(this.bundle, ids, raw.raw, { reasons, topK, threads });
  }

  /**
   * Global importance per model column (a one-hot level or a missing flag is its own row), sorted
   * by |effect|: the standardised coefficient for logistic regression, mean |SHAP| signed by its
   * covariance with the value for the GBDT (computed on `rows`).
   */
  importance(rows: ScorableRows): ColumnImportanceRow[] {
    const raw = rawInputs(tableOf(rows), this.manifest.inputs);
    if ('problem' in raw) throw new UserError(`importance: ${raw.problem}`);
    return columnImportance(this.#trained(), transform(this.manifest.preprocessing, raw.raw).matrix, this.manifest.dictionary);
  }

  #trained(): TrainedModel {
    return this.#training?.chosen.trained ?? trainedFromBundle(this.bundle);
  }

  /**
   * Writes the model bundle into `dir` (`manifest.json` with the sha256 of every file, and the
   * model files), as `healthscore run` and `train` do; `loadHealthModel(dir)` and
   * `healthscore score --model dir` read it back. A saved bundle is immutable: an existing `dir`
   * is refused unless `overwrite` is set and it holds a model bundle.
   */
  async save(dir: string, options: { overwrite?: boolean } = {}): Promise<ModelManifest> {
    parseArgument('save', 'dir', z.string().min(1), dir);
    const { overwrite } = parseArgument('save', 'options', z.strictObject({ overwrite: z.boolean().default(false) }), options);
    const old = `${dir}.replaced-${process.pid}`;
    if (overwrite && existsSync(dir)) {
      if (!existsSync(join(dir, MANIFEST_FILE))) throw new UserError(`save: ${dir} exists and holds no model bundle; not overwriting it`);
      renameSync(dir, old);
    }
    try {
      if (this.#training !== null) return await saveModelBundle(dir, this.#training.chosen.trained, this.#training.facts);
      return await saveModelBundle(dir, this.#trained(), this.manifest, new Date(this.manifest.createdAt));
    } catch (err) {
      if (existsSync(old)) renameSync(old, dir);
      throw err;
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }
}

/**
 * Loads a saved model bundle (from `healthscore run`, `train`, or `model.save`), checking every
 * file against its sha256 and the manifest against its schema.
 *
 * @throws UserError (exit code 4 at the CLI) when a file is missing, altered or malformed.
 * @example
 * ```ts
 * import { buildFeatures, loadHealthModel, readCustomerData, temporalSplit, trainChurnModel } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * await (await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'logistic' })).save('models/churn');
 * const model = await loadHealthModel('models/churn');
 * console.log(model.kind, model.manifest.horizonDays); // => logistic 90
 * ```
 */
export async function loadHealthModel(dir: string): Promise<HealthModel> {
  parseArgument('loadHealthModel', 'dir', z.string().min(1), dir);
  return new HealthModel(await loadModelBundle(dir), null);
}
