/**
 * A model as SQL: preprocessing, model (logistic or the GBDT's trees) and calibration compiled
 * into one portable query over a feature table, so a warehouse scores customers where the data
 * lives with the same probabilities as the library.
 */
import { compileScoringSql, ScoringSqlOptions, type ScoringSql } from '../score/sql-export/compile-scoring-sql.ts';
import { parseArgument } from './argument.ts';
import type { HealthModel } from './health-model.ts';

/**
 * `SELECT keep…, churn_probability, health_score FROM table` for `model`, and the margin
 * expression alone. Options: `table` (default `features`), `keep` (default `['customer_id']`).
 *
 * @example
 * ```ts
 * import { buildFeatures, exportSql, readCustomerData, temporalSplit, trainChurnModel } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const model = await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'logistic' });
 * const sql = exportSql(model, { table: 'features_2024_12' });
 * console.log(sql.query.includes('FROM features_2024_12')); // => true
 * ```
 */
export function exportSql(model: HealthModel, options: ScoringSqlOptionsInput = {}): ScoringSql {
  const o = parseArgument('exportSql', 'options', ScoringSqlOptions.strict(), options);
  const { manifest, fitted } = model.bundle;
  return compileScoringSql({ preprocessor: manifest.preprocessing, model: fitted, calibrator: manifest.calibrator }, o);
}

/**
 * Options of {@link exportSql}.
 *
 * @example
 * ```ts
 * import type { ScoringSqlOptionsInput } from 'healthscore';
 * const options: ScoringSqlOptionsInput = { table: 'features', keep: ['customer_id', 'cutoff'] };
 * console.log(options.keep?.join(',')); // => customer_id,cutoff
 * ```
 */
export type ScoringSqlOptionsInput = import('zod').input<typeof ScoringSqlOptions>;
