/**
 * The features stage's files: `features.parquet` and `features.csv` (cutoff as ISO date-time in CSV,
 * TIMESTAMP in Parquet), the dictionary and the summary manifest. DuckDB writes the Parquet from the
 * CSV with declared column types, so both files hold the same values.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { csvField } from '../data/csv-field.ts';
import { sqlString, withDuckDb } from '../data/duckdb-session.ts';
import { readJsonFile } from '../data/json-file.ts';
import { FeatureDictionary } from './dictionary.ts';
import { FeatureSetSummary } from './summary.ts';
import type { FeatureSet } from './build-feature-set.ts';

export const FEATURE_FILES = {
  parquet: 'features.parquet',
  csv: 'features.csv',
  dictionary: 'feature-dictionary.json',
  summary: 'feature-summary.json',
} as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return csvField(String(v));
}

export async function writeFeatureSet(set: FeatureSet, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const t = set.table;
  const names = t.columnNames();
  const arrays = names.map((n) => t.array(n) as ArrayLike<unknown>);
  const cutoffAt = names.indexOf('cutoff');
  const lines: string[] = [names.join(',')];
  for (let i = 0; i < t.numRows(); i++) {
    lines.push(arrays.map((a, j) => (j === cutoffAt ? new Date(a[i] as number).toISOString() : csvCell(a[i]))).join(','));
  }
  const csvPath = join(outDir, FEATURE_FILES.csv);
  writeFileSync(csvPath, `${lines.join('\n')}\n`);
  const categorical = new Set(set.dictionary.filter((e) => e.kind === 'categorical').map((e) => e.name));
  const types = names.map((n) => {
    const type = n === 'customer_id' || categorical.has(n) ? 'VARCHAR' : n === 'cutoff' ? 'TIMESTAMPTZ' : 'DOUBLE';
    return `${sqlString(n)}: ${sqlString(type)}`;
  });
  const select = names.map((n) => (n === 'cutoff' ? `CAST(cutoff AS TIMESTAMP) AS cutoff` : `"${n}"`));
  await withDuckDb(async (conn) => {
    await conn.run(`SET TimeZone = 'UTC'`);
    await conn.run(
      `COPY (SELECT ${select.join(', ')} FROM read_csv(${sqlString(csvPath)}, header = true, columns = {${types.join(', ')}})) TO ${sqlString(join(outDir, FEATURE_FILES.parquet))} (FORMAT parquet)`,
    );
  });
  writeFileSync(join(outDir, FEATURE_FILES.dictionary), `${JSON.stringify(set.dictionary, null, 2)}\n`);
  writeFileSync(join(outDir, FEATURE_FILES.summary), `${JSON.stringify(set.summary, null, 2)}\n`);
}

/**
 * Reads a written feature set back: the table (cutoff as epoch ms), dictionary and summary. A
 * dictionary or summary that cannot be read or breaks its schema is a `UserError` naming the file.
 */
export async function readFeatureSet(dir: string): Promise<FeatureSet> {
  const dictionary = readJsonFile(join(dir, FEATURE_FILES.dictionary), FeatureDictionary, { what: 'the feature dictionary' });
  const summary = readJsonFile(join(dir, FEATURE_FILES.summary), FeatureSetSummary, { what: 'the feature summary' });
  return withDuckDb(async (conn) => {
    const source = `read_parquet(${sqlString(join(dir, FEATURE_FILES.parquet))})`;
    const reader = await conn.runAndReadAll(`SELECT * REPLACE (CAST(epoch_ms(cutoff) AS DOUBLE) AS cutoff) FROM ${source}`);
    const raw = reader.getColumnsObjectJS();
    const categorical = new Set(dictionary.filter((e) => e.kind === 'categorical').map((e) => e.name));
    const cols: Record<string, ArrayLike<unknown>> = {};
    for (const name of reader.columnNames()) {
      const values = raw[name] as unknown[];
      cols[name] =
        name === 'customer_id' || categorical.has(name) || name === 'label'
          ? values
          : // A NULL cell is missing (NaN), not 0: Float64Array.from([null]) would give [0].
            Float64Array.from(values as Array<number | null>, (v) => (v === null ? Number.NaN : v));
    }
    const table: ColumnTable = aq.table(cols);
    return { table, dictionary, summary };
  });
}
