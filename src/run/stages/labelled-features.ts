/**
 * Reads the labelled rows of a feature-set folder (`healthscore features`: split in time) or a tabular ingest
 * folder (`healthscore ingest --tabular`: seeded stratified split) and splits them as `healthscore run` does. The
 * split is a pure function of the rows and the seed, so every model stage sees the same four parts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { UserError } from '../../diagnostics/user-error.ts';
import { cleanTablePath } from '../../data/clean-store.ts';
import { sqlString, withDuckDb } from '../../data/duckdb-session.ts';
import { readJsonFile } from '../../data/json-file.ts';
import { TABULAR_DICTIONARY_FILE, TABULAR_TABLE } from '../../data/tabular/ingest-tabular.ts';
import type { ChurnDefinition } from '../../features/churn-definition.ts';
import { FeatureDictionary } from '../../features/dictionary.ts';
import { FEATURE_FILES, readFeatureSet } from '../../features/feature-set-files.ts';
import { stratifiedHoldouts, temporalHoldouts, type HoldoutSplits } from '../../learn/holdout-splits.ts';

export interface LabelledFeatures {
  mode: 'events' | 'tabular';
  /** The folder read, for messages and reports. */
  source: string;
  table: aq.ColumnTable;
  dictionary: FeatureDictionary;
  splits: HoldoutSplits;
  horizonDays: number | null;
  churn: ChurnDefinition | null;
}

async function readTabular(dir: string, seed: number): Promise<LabelledFeatures> {
  const dictionary = readJsonFile(join(dir, TABULAR_DICTIONARY_FILE), FeatureDictionary, { what: 'the feature dictionary' });
  const path = cleanTablePath(dir, TABULAR_TABLE);
  const columns = await withDuckDb(async (connection) => {
    const result = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`);
    return result.getColumnsObjectJS();
  });
  const table = aq.table(columns as Record<string, unknown[]>);
  return { mode: 'tabular', source: dir, table, dictionary, splits: stratifiedHoldouts(table, seed), horizonDays: null, churn: null };
}

async function readEvents(dir: string): Promise<LabelledFeatures> {
  for (const file of [FEATURE_FILES.parquet, FEATURE_FILES.dictionary, FEATURE_FILES.summary]) {
    if (!existsSync(join(dir, file))) throw new UserError(`${join(dir, file)}: not found (run "healthscore features" first)`);
  }
  const set = await readFeatureSet(dir);
  if (set.summary.mode !== 'training') {
    throw new UserError(`${dir}: a scoring snapshot (built with --as-of) has no labels; give the labelled feature set of "healthscore features" without --as-of`);
  }
  const splits = temporalHoldouts(set.table, set.summary.horizonDays);
  if ('problem' in splits) throw new UserError(`${dir}: cannot split in time: ${splits.problem}`);
  const { table, dictionary, summary } = set;
  return { mode: 'events', source: dir, table, dictionary, splits, horizonDays: summary.horizonDays, churn: summary.churn };
}

/** The folder's labelled rows and their holdout split; a one-line `UserError` for a wrong folder. */
export async function readLabelledFeatures(dir: string, options: { seed?: number } = {}): Promise<LabelledFeatures> {
  if (!existsSync(dir)) throw new UserError(`${dir}: folder not found`);
  if (existsSync(join(dir, TABULAR_DICTIONARY_FILE)) && existsSync(cleanTablePath(dir, TABULAR_TABLE))) return readTabular(dir, options.seed ?? 0);
  if (existsSync(join(dir, FEATURE_FILES.dictionary))) return readEvents(dir);
  throw new UserError(
    `${dir}: neither a feature set (${FEATURE_FILES.parquet} + ${FEATURE_FILES.dictionary}, from "healthscore features") nor a tabular ingest (tables/${TABULAR_TABLE}.parquet + ${TABULAR_DICTIONARY_FILE}, from "healthscore ingest --tabular")`,
  );
}
