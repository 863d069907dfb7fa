/**
 * The batch scoring job from code (what `healthscore score` runs): a saved model, a data folder
 * or a feature file of any size (streamed in chunks), an output file (.csv or .parquet), and
 * optionally score history, alerts and manual overrides. Every input row is scored or rejected
 * with a reason (`OUT.rejected.csv`).
 */
import { silentLog, type Log } from '../diagnostics/log.ts';
import { z } from 'zod';
import { runScoreJob, ScoreJobOptions, type ScoreJobSummary } from '../score/score-job.ts';
import { parseArgument } from './argument.ts';

/**
 * Options of {@link scoreBatch}: `model` (a saved model folder), either `data` (a data folder or
 * an ingest output) or `features` (a Parquet or CSV feature file), `asOf` (YYYY-MM-DD), `out`,
 * and optionally `history` (a folder of earlier scores), `alerts` (CSV; needs `history`),
 * `alertRules`, `overrides`, `reasons` (default true), `engine`, `chunkSize`, and `progress`
 * (a progress bar on stderr; default false).
 *
 * @example
 * ```ts
 * import type { BatchScoringOptions } from 'healthscore';
 * const options: BatchScoringOptions = { model: 'models/churn', data: 'data/sample', asOf: '2024-12-01', out: 'scores.csv' };
 * console.log(options.out); // => scores.csv
 * ```
 */
export type BatchScoringOptions = Omit<z.input<typeof ScoreJobOptions>, 'quiet'> & { progress?: boolean };

/**
 * What a batch job did: customers scored, the input's accounting (read = scored + other dates +
 * rejected), tier counts, drift per feature (PSI), overrides, alerts, output path and seconds.
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, scoreBatch, temporalSplit, trainChurnModel, type BatchScoringSummary } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * await (await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'logistic' })).save('models/churn');
 * const summary: BatchScoringSummary = await scoreBatch({ model: 'models/churn', data: 'data/sample', asOf: '2024-12-01', out: 'scores.csv' });
 * console.log(summary.customers > 0, summary.output); // => true scores.csv
 * ```
 */
export type BatchScoringSummary = ScoreJobSummary;

/**
 * Runs a batch scoring job. `log` receives its progress and warnings (default: none).
 *
 * @throws UserError on a bad option, a missing or malformed input file (named by file, row and
 * column), or a model that does not fit the input (exit code 4 at the CLI).
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, scoreBatch, temporalSplit, trainChurnModel } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * await (await trainChurnModel(temporalSplit(buildFeatures(data)), { model: 'gbdt' })).save('models/churn');
 * const summary = await scoreBatch({ model: 'models/churn', data: 'data/sample', asOf: '2024-12-01', out: 'scores.parquet', reasons: false });
 * console.log(Object.keys(summary.tiers).sort().join(' ')); // => at-risk healthy watch
 * ```
 */
export async function scoreBatch(options: BatchScoringOptions, log: Log = silentLog): Promise<BatchScoringSummary> {
  const { progress, ...o } = parseArgument('scoreBatch', 'options', ScoreJobOptions.omit({ quiet: true }).extend({ progress: z.boolean().default(false) }).strict(), options);
  return runScoreJob({ ...o, quiet: !progress }, log);
}
