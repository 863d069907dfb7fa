/**
 * Scores a feature table with a model bundle: calibrated churn probability, health score, tier and (optionally)
 * the top reasons. The batch job, `healthscore run` and the one-customer scorer all go through here, so they
 * give the same score for the same row.
 */
import type { ColumnTable } from 'arquero';
import { applyCalibrator } from '../calibrate/calibrator.ts';
import { columnValues } from '../data/column-values.ts';
import { bundleModel } from './model-bundle.ts';
import type { ModelBundle } from './model-bundle.ts';
import { rawInputs } from '../learn/model-inputs.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';
import type { ChurnModel } from '../learn/model.ts';
import { RawLinearMargin } from '../learn/logistic/raw-margin.ts';
import type { FittedSpec } from '../learn/train-churn-model.ts';
import { transform } from '../learn/preprocess/transform.ts';
import { designData } from '../learn/matrix.ts';
import { healthScores } from './health-score.ts';
import { explainRows, formatReasons } from './reasons.ts';
import type { RowReasons } from './reasons.ts';
import { assignTiers, tiersAtCut } from './tiers.ts';
import type { Tier } from './tiers.ts';

export interface SnapshotScores {
  customerId: string[];
  margin: Float64Array;
  churnProbability: Float64Array;
  healthScore: Uint8Array;
  tier: Tier[];
  /** Null when reasons were not asked for (they cost TreeSHAP time on a GBDT). */
  reasons: RowReasons[] | null;
}

export interface ScoreOptions {
  reasons?: boolean;
  topK?: number;
  /** With capacity tiers, the population's `capacityCut`: a chunk must not rank itself as the whole population. */
  capacityCut?: number;
  /** Memory reused from chunk to chunk by a batch job; the design matrix lives there. */
  scratch?: ScoringScratch;
  /** Threads the model may use, the calling thread included (the model's default when not given). */
  threads?: number;
}

/** Buffers a batch job hands to every chunk (see `transform`: fresh matrices cost page faults). */
export interface ScoringScratch {
  matrix: Float64Array;
  /** Contributions for the reasons, as large as the matrix. */
  contributions: Float64Array;
  /** The runnable model, built at the first chunk: building it compiles a GBDT's trees. */
  model: { fitted: FittedSpec; model: ChurnModel } | null;
  /** For `scoreInputsAsync`: two matrices and margins in shared memory, used in turn (transform while predicting). */
  overlapped: { matrices: Float64Array[]; margins: Float64Array[]; turn: number } | null;
  /** A logistic model's margins from the raw columns, built at the first chunk scored without reasons. */
  linear: { fitted: FittedSpec; margin: RawLinearMargin } | null;
}

export const scoringScratch = (): ScoringScratch => ({ matrix: new Float64Array(0), contributions: new Float64Array(0), model: null, overlapped: null, linear: null });

function runnableModel(fitted: FittedSpec, scratch: ScoringScratch | undefined): ChurnModel {
  if (scratch === undefined) return bundleModel(fitted);
  if (scratch.model === null || scratch.model.fitted !== fitted) scratch.model = { fitted, model: bundleModel(fitted) };
  return scratch.model.model;
}

/** A logistic model's margins straight from the raw columns; null for a GBDT. */
function linearFromRaw(bundle: ModelBundle, scratch: ScoringScratch | undefined): RawLinearMargin | null {
  const { fitted } = bundle;
  if (fitted.kind !== 'logistic') return null;
  if (scratch?.linear?.fitted === fitted) return scratch.linear.margin;
  const margin = new RawLinearMargin(bundle.manifest.preprocessing, Float64Array.from(fitted.spec.coefficients), fitted.spec.intercept);
  if (scratch !== undefined) scratch.linear = { fitted, margin };
  return margin;
}

/** Returns a problem message when the table lacks an input of the model (a schema mismatch). */
export function scoreSnapshot(bundle: ModelBundle, table: ColumnTable, options: ScoreOptions = {}): SnapshotScores | { problem: string } {
  const inputs = rawInputs(table, bundle.manifest.inputs);
  if ('problem' in inputs) return inputs;
  return scoreInputs(bundle, Array.from(columnValues(table, 'customer_id'), String), inputs.raw, options);
}

/** Scores rows given as raw input columns (every model input present), e.g. one chunk of a batch job. */
export function scoreInputs(bundle: ModelBundle, customerId: string[], raw: RawTable, options: ScoreOptions = {}): SnapshotScores {
  const { manifest } = bundle;
  const scratch = options.scratch;
  // Without reasons a logistic model needs no design matrix: its margin is the same, bit for bit.
  const linear = (options.reasons ?? true) ? null : linearFromRaw(bundle, scratch);
  if (linear !== null) {
    const margin = linear.margin(raw);
    return { customerId, margin, ...scoresFromMargin(bundle, margin, options), reasons: null };
  }
  const cells = customerId.length * manifest.preprocessing.columns.length;
  if (scratch !== undefined && scratch.matrix.length < cells) scratch.matrix = new Float64Array(cells);
  if (scratch !== undefined && (options.reasons ?? true) && scratch.contributions.length < cells) scratch.contributions = new Float64Array(cells);
  const encoded = transform(manifest.preprocessing, raw, scratch?.matrix);
  const model = runnableModel(bundle.fitted, scratch);
  const margin = model.margin(encoded.matrix, undefined, options.threads);
  const { churnProbability, healthScore, tier } = scoresFromMargin(bundle, margin, options);
  let reasons: RowReasons[] | null = null;
  if (options.reasons ?? true) {
    const names = manifest.preprocessing.features.map((f) => f.name);
    reasons = explainRows({
      contributions: model.contributions(encoded.matrix, scratch?.contributions, options.threads),
      columnFeatures: Array.from(encoded.source, (f) => names[f]),
      rawValues: raw,
      dictionary: manifest.dictionary,
      topK: options.topK,
    });
  }
  return { customerId, margin, churnProbability, healthScore, tier, reasons };
}

/**
 * `scoreInputs` with a GBDT's margins (without reasons) on the worker pool, so the caller prepares its next
 * chunk meanwhile. `raw` may be reused once the promise is returned, `customerId` not; at most two calls
 * sharing `scratch` may be pending.
 */
export async function scoreInputsAsync(
  bundle: ModelBundle,
  customerId: string[],
  raw: RawTable,
  options: ScoreOptions & { scratch: ScoringScratch },
): Promise<SnapshotScores> {
  // A model scored from its raw columns (a logistic one) goes to `scoreInputs` before a model it would not use is built.
  if ((options.reasons ?? true) || linearFromRaw(bundle, options.scratch) !== null) return scoreInputs(bundle, customerId, raw, options);
  const model = runnableModel(bundle.fitted, options.scratch);
  if (model.marginAsync === undefined) return scoreInputs(bundle, customerId, raw, options);
  const cells = customerId.length * bundle.manifest.preprocessing.columns.length;
  const o = (options.scratch.overlapped ??= { matrices: [], margins: [], turn: 0 });
  const k = (o.turn = 1 - o.turn);
  if ((o.matrices[k]?.length ?? 0) < cells) o.matrices[k] = designData(cells, true);
  if ((o.margins[k]?.length ?? 0) < customerId.length) o.margins[k] = designData(customerId.length, true);
  const encoded = transform(bundle.manifest.preprocessing, raw, o.matrices[k]);
  const margin = await model.marginAsync(encoded.matrix, o.margins[k], options.threads);
  return { customerId, margin, ...scoresFromMargin(bundle, margin, options), reasons: null };
}

/** Calibrated probability, health score and tier of each margin. */
function scoresFromMargin(bundle: ModelBundle, margin: Float64Array, options: ScoreOptions): Pick<SnapshotScores, 'churnProbability' | 'healthScore' | 'tier'> {
  const { manifest } = bundle;
  const churnProbability = applyCalibrator(manifest.calibrator, margin);
  const healthScore = healthScores(churnProbability);
  const tier =
    options.capacityCut !== undefined && manifest.tiers.by === 'capacity'
      ? tiersAtCut(healthScore, churnProbability, manifest.tiers, options.capacityCut)
      : assignTiers(healthScore, manifest.tiers, churnProbability);
  return { churnProbability, healthScore, tier };
}

export const reasonsCell = (r: RowReasons | undefined): string => (r === undefined ? '' : formatReasons(r));
