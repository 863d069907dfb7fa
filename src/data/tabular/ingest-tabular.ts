/**
 * Tabular mode: one row per customer with a label and feature columns (the IBM Telco file's shape),
 * validated and quarantined like the contract tables into `OUT/tables/tabular.parquet`, its dictionary,
 * quarantine and summary. The accepted rows are also kept in memory: one per customer, they are no
 * larger than the training set.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as aq from 'arquero';
import { UserError } from '../../diagnostics/user-error.ts';
import type { Log } from '../../diagnostics/log.ts';
import { FeatureDictionary, type FeatureEntry } from '../../features/dictionary.ts';
import type { StoredColumn } from '../clean-store.ts';
import { withDuckDb } from '../duckdb-session.ts';
import { prepareOutput, openSource, writeSummary } from '../ingest-folder.ts';
import { IngestSummary, tableSummary } from '../ingest-summary.ts';
import { withTableSinks, type TableSinks } from '../ingest-table.ts';
import { formatOfFile, type TableSource } from '../readers/table-source.ts';
import type { ProblemReason } from '../row-problem.ts';
import type { TabularConfig } from './tabular-config.ts';
import { validateTabularRecord, type TabularColumns } from './tabular-validation.ts';

export const TABULAR_TABLE = 'tabular';
export const TABULAR_DICTIONARY_FILE = 'tabular-dictionary.json';

export interface TabularIngest {
  table: aq.ColumnTable;
  dictionary: FeatureDictionary;
  summary: IngestSummary;
}

/** Splits the file's columns by role; a config naming a column the file lacks is a user error. */
export function tabularColumns(file: string, header: readonly string[], config: TabularConfig): TabularColumns {
  const named = [config.idColumn, config.labelColumn, ...config.categorical, ...config.drop, ...Object.keys(config.columns)];
  for (const name of named) {
    if (!header.includes(name)) throw new UserError(`${file}: column "${name}" named in the tabular config is not in the file`);
  }
  const special = new Set([config.idColumn, config.labelColumn, ...config.drop]);
  const categorical = new Set(config.categorical);
  const features = header.filter((c) => !special.has(c));
  return {
    numeric: features.filter((c) => !categorical.has(c)),
    categorical: features.filter((c) => categorical.has(c)),
  };
}

/** One dictionary entry per feature column, from the config's notes where it has them. */
export function tabularDictionary(file: string, header: readonly string[], columns: TabularColumns, config: TabularConfig): FeatureDictionary {
  const categorical = new Set(columns.categorical);
  const features = header.filter((c) => categorical.has(c) || columns.numeric.includes(c));
  return FeatureDictionary.parse(
    features.map((name): FeatureEntry => {
      const note = config.columns[name] ?? {};
      return {
        name,
        description: note.description ?? `${name} (column of ${basename(file)})`,
        table: TABULAR_TABLE,
        windowDays: null,
        aggregation: 'value',
        direction: note.direction ?? 'unknown',
        dimension: note.dimension ?? 'other',
        kind: categorical.has(name) ? 'categorical' : 'numeric',
        ...(note.unit === undefined ? {} : { unit: note.unit }),
      };
    }),
  );
}

export async function ingestTabular(
  file: string,
  config: TabularConfig,
  options: { outDir: string; log?: Log },
): Promise<TabularIngest> {
  const format = formatOfFile(file);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: file not found`);
  if (format === null) throw new UserError(`${file}: not a CSV, JSON Lines or Parquet file`);
  if (statSync(file).size === 0) throw new UserError(`${file}: file is empty`);
  prepareOutput(options.outDir);
  return withDuckDb(async (connection) => {
    const source = await openSource({ path: file, format }, connection);
    const columns = tabularColumns(file, source.columns, config);
    const stored: StoredColumn[] = [
      { name: 'customer_id', kind: 'string' },
      { name: 'label', kind: 'number' },
      ...columns.numeric.map((name) => ({ name, kind: 'number' as const })),
      ...columns.categorical.map((name) => ({ name, kind: 'string' as const })),
    ];
    const counts = await withTableSinks(options.outDir, TABULAR_TABLE, stored, connection, (sinks) =>
      readRows(source, config, columns, sinks),
    );
    if (counts.read === 0) throw new UserError(`${file}: has a header but no rows`);
    const summary = IngestSummary.parse({
      mode: 'tabular',
      source: file,
      as_of: null,
      tables: [tableSummary({ table: TABULAR_TABLE, file, format: source.format, read: counts.read, accepted: counts.rows.length, reasons: counts.reasons, extra_columns: [] })],
    });
    const dictionary = tabularDictionary(file, source.columns, columns, config);
    writeSummary(options.outDir, summary);
    writeFileSync(join(options.outDir, TABULAR_DICTIONARY_FILE), JSON.stringify(dictionary, null, 2) + '\n');
    options.log?.info(`${TABULAR_TABLE}: ${counts.read} read, ${counts.rows.length} accepted, ${counts.read - counts.rows.length} rejected`);
    const names = ['customer_id', 'label', ...columns.numeric, ...columns.categorical];
    const table = aq.table(Object.fromEntries(names.map((n) => [n, counts.rows.map((r) => r[n])])));
    return { table, dictionary, summary };
  });
}

interface RowCounts {
  read: number;
  rows: Record<string, string | number | null>[];
  reasons: Partial<Record<ProblemReason, number>>;
}

async function readRows(
  source: TableSource,
  config: TabularConfig,
  columns: TabularColumns,
  { staged, quarantine }: TableSinks,
): Promise<RowCounts> {
  const seen = new Set<string>();
  const rows: Record<string, string | number | null>[] = [];
  const reasons: Partial<Record<ProblemReason, number>> = {};
  let read = 0;
  for await (const record of source.records) {
    read++;
    const result = 'problem' in record ? { ok: false as const, problems: [record.problem] } : validateTabularRecord(config, columns, record.values, seen);
    if (result.ok) {
      seen.add(result.row.customer_id as string);
      rows.push(result.row);
      await staged.add(result.row);
      continue;
    }
    for (const p of result.problems) {
      reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
      await quarantine.write({ file: source.file, line: record.line, ...p });
    }
  }
  return { read, rows, reasons };
}
