/**
 * Compiles a model bundle (preprocessing, model, calibrator) into SQL that scores a feature table in any engine
 * (Spark SQL, Trino, a warehouse), for customers who outgrow one machine. Only ISO SQL: CASE, COALESCE, EXP, TRIM,
 * ROUND, FLOOR, CAST, IN, derived tables, nested because the isotonic calibrator reads the model probability once
 * per threshold: flat, the whole GBDT would be repeated per threshold.
 */
import { z } from 'zod';
import { CalibratorSpec } from '../../calibrate/calibrator.ts';
import { sqlIdent } from '../../data/duckdb-session.ts';
import { GbdtSpec } from '../../learn/gbdt/serialize.ts';
import { LogisticSpec } from '../../learn/logistic/logistic-spec.ts';
import { PreprocessorSpec } from '../../learn/preprocess/spec.ts';
import { calibrationSql } from './calibration-sql.ts';
import { gbdtMarginSql } from './gbdt-sql.ts';
import { logisticMarginSql } from './logistic-sql.ts';
import { encodedColumnsSql } from './preprocess-sql.ts';

export const ScoringBundle = z.object({
  preprocessor: PreprocessorSpec,
  model: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('logistic'), spec: LogisticSpec }),
    z.object({ kind: z.literal('gbdt'), spec: GbdtSpec }),
  ]),
  calibrator: CalibratorSpec,
});
export type ScoringBundle = z.infer<typeof ScoringBundle>;

export const ScoringSqlOptions = z.object({
  /** The feature table (or any FROM item: a view, a subquery in parentheses with an alias). */
  table: z.string().min(1).default('features'),
  /** Columns copied through to the output, e.g. the customer key and the cutoff. */
  keep: z.array(z.string()).default(['customer_id']),
});
export type ScoringSqlOptions = z.input<typeof ScoringSqlOptions>;

/**
 * A model compiled to SQL: `query` scores a feature table (`SELECT keep…, churn_probability,
 * health_score FROM table`) and `marginExpression` is the model's log-odds as one expression.
 *
 * @example
 * ```ts
 * import { buildFeatures, exportSql, readCustomerData, temporalSplit, trainChurnModel, type ScoringSql } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const sql: ScoringSql = exportSql(await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'gbdt' }));
 * console.log(sql.query.startsWith('SELECT') || sql.query.startsWith('WITH')); // => true
 * ```
 */
export interface ScoringSql {
  readonly marginExpression: string;
  readonly query: string;
}

const MARGIN = 'churn_margin';
const CLIPPED = 'model_probability';

export function compileScoringSql(bundle: ScoringBundle, options: ScoringSqlOptions = {}): ScoringSql {
  const o = ScoringSqlOptions.parse(options);
  const columns = encodedColumnsSql(bundle.preprocessor);
  const model = bundle.model;
  const marginExpression = model.kind === 'logistic' ? logisticMarginSql(model.spec, columns) : gbdtMarginSql(model.spec, columns);
  const keep = o.keep.map(sqlIdent);
  const carry = (extra: string[]): string => [...keep, ...extra].join(', ');
  const calibration = calibrationSql(bundle.calibrator, MARGIN, CLIPPED);

  let inner = `SELECT ${carry([`${marginExpression} AS ${MARGIN}`])}\nFROM ${o.table}`;
  if (calibration.clipped !== null) {
    inner = `SELECT ${carry([`${calibration.clipped} AS ${CLIPPED}`])}\nFROM (${inner}) AS scored_margin`;
  }
  const probability = `SELECT ${carry([`${calibration.probability} AS churn_probability`])}\nFROM (${inner}) AS scored_model`;
  // health_score = round(100·(1 − p)) with halves up, after rounding to 9 decimals as healthScore
  // does, so float noise (57.49999999999999) cannot move a customer across a point.
  const score = 'CAST(FLOOR(ROUND(100E0 * (1E0 - churn_probability), 9) + 5E-1) AS INTEGER)';
  const query = `SELECT ${carry(['churn_probability', `${score} AS health_score`])}\nFROM (${probability}) AS scored_probability`;
  return { marginExpression, query };
}
