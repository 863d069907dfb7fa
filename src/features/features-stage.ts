/**
 * The features stage as one call: build the labelled feature set at the cutoffs (or the scoring snapshot
 * at `asOf`) with the chosen engine and write its files. The CLI command, `pipelines/03-features.ts`
 * and `healthscore run` all call it, so they cannot drift.
 */
import { z } from 'zod';
import { UserError } from '../diagnostics/user-error.ts';
import type { Log } from '../diagnostics/log.ts';
import { readCleanTables } from '../data/clean-store.ts';
import { parseIsoDay } from '../data/iso-date.ts';
import { readJsonFile } from '../data/json-file.ts';
import type { CustomerData } from '../data/customer-data.ts';
import { buildFeatureSet, buildScoringSnapshot, firstSignup, latestDate, type FeatureSet } from './build-feature-set.ts';
import { ChurnDefinition } from './churn-definition.ts';
import { autoCutoffs, monthlyCutoffs } from './cutoffs.ts';
import { DEFAULT_FEATURE_SPEC } from './default-spec.ts';
import { buildFeatureSetSql, buildScoringSnapshotSql, dataRangeSql, locateTable } from './duckdb-engine.ts';
import { writeFeatureSet } from './feature-set-files.ts';
import { dayAfter } from './snapshot-population.ts';
import { FeatureSpec } from './spec.ts';
import { FeatureEngine } from './summary.ts';
import { defaultThreads } from '../parallel/pool.ts';

export const FeaturesStageOptions = z.object({
  /** An ingest output folder (with tables/), or for the DuckDB engine a folder of contract CSVs. */
  data: z.string(),
  out: z.string(),
  engine: FeatureEngine.default('arquero'),
  /** `2024-01-01,2024-02-01`, `monthly:2023-07-01:2024-06-01`, or absent for the default 12 months. */
  cutoffs: z.string().optional(),
  /** Build the unlabelled scoring snapshot at this date instead of labelled cutoffs. */
  asOf: z.string().optional(),
  horizonDays: z.number().int().positive().default(90),
  churn: ChurnDefinition.default({ kind: 'explicit' }),
  /** A JSON feature spec file; default: the built-in spec. */
  spec: z.string().optional(),
  threads: z.number().int().positive().optional(),
});
export type FeaturesStageOptions = z.input<typeof FeaturesStageOptions>;

/** `loaded`: the clean store of `data` already read, so a caller that needs it too reads it once. */
export async function runFeaturesStage(input: FeaturesStageOptions, log: Log, loaded?: CustomerData): Promise<FeatureSet> {
  const options = FeaturesStageOptions.parse(input);
  if (locateTable(options.data, 'customers') === null) {
    throw new UserError(`${options.data}: no tables/customers.parquet or customers.csv (run "healthscore ingest" first)`);
  }
  const spec = options.spec === undefined ? DEFAULT_FEATURE_SPEC : readJsonFile(options.spec, FeatureSpec, { what: 'the feature spec' });
  const asOf = options.asOf === undefined ? null : dateFlag('--as-of', options.asOf);
  const { data: dir, horizonDays, churn } = options;
  const sql = { threads: options.threads ?? defaultThreads() };
  // The in-memory engine reads the clean store once; the DuckDB engine reads the files itself.
  const data = options.engine === 'duckdb' ? null : (loaded ?? (await readCleanTables(dir)));
  let set: FeatureSet;
  if (asOf !== null) {
    set = data === null ? await buildScoringSnapshotSql(dir, spec, asOf, churn, sql) : buildScoringSnapshot(data, spec, asOf, churn);
  } else {
    const range = async () => (data === null ? dataRangeSql(dir) : { firstSignup: firstSignup(data), dataEnd: dayAfter(latestDate(data)) });
    const cutoffs = options.cutoffs === undefined ? autoCutoffs(await range(), horizonDays) : parseCutoffs(options.cutoffs);
    const labels = { cutoffs, horizonDays, churn };
    set = data === null ? await buildFeatureSetSql(dir, spec, labels, sql) : buildFeatureSet(data, spec, labels);
  }
  await writeFeatureSet(set, options.out);
  for (const c of set.summary.cutoffs) {
    log.info(
      `cutoff ${c.cutoff}: ${c.population} customers, ${c.labelled} labelled, ${c.churned} churned, ${c.censored} censored`,
    );
  }
  log.info(`${set.summary.rows} rows × ${set.summary.features.length} features (${set.summary.engine}) written to ${options.out}`);
  return set;
}

/** `2024-01-01,2024-02-01` or `monthly:START:END`. */
export function parseCutoffs(text: string): number[] {
  const monthly = /^monthly:([^:]+):([^:]+)$/.exec(text.trim());
  if (monthly) {
    const out = monthlyCutoffs(dateFlag('--cutoffs', monthly[1]), dateFlag('--cutoffs', monthly[2]));
    if (out.length === 0) throw new UserError(`--cutoffs ${text}: no month start between the two dates`);
    return out;
  }
  return text.split(',').map((part) => dateFlag('--cutoffs', part));
}

function dateFlag(flag: string, text: string): number {
  const t = parseIsoDay(text);
  if (t === null) throw new UserError(`${flag}: "${text}" is not a date YYYY-MM-DD`);
  return t;
}

