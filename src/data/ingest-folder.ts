/**
 * Ingests a data folder into a clean store: accepted rows, quarantined problems and the summary.
 * `customers` goes first because the other tables are checked against its accepted rows. Whole-file
 * problems throw a one-line UserError naming the file; row problems never do.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../diagnostics/user-error.ts';
import type { Log } from '../diagnostics/log.ts';
import { CONTRACT, DAY_MS } from './contract.ts';
import { findTableFiles, type TableFile } from './data-folder.ts';
import { withDuckDb } from './duckdb-session.ts';
import { IngestSummary, type TableSummary } from './ingest-summary.ts';
import { checkRequiredColumns, ingestTable, withTableSinks, type TableContext } from './ingest-table.ts';
import { formatIsoDate, parseIsoDate, parseIsoDay } from './iso-date.ts';
import { openCsv } from './readers/csv-source.ts';
import { openJsonl } from './readers/jsonl-source.ts';
import { openParquet } from './readers/parquet-source.ts';
import type { TableSource } from './readers/table-source.ts';

export interface IngestOptions {
  /** ISO 8601 date or date-time; rows dated after it are rejected. A date means the end of that day. */
  asOf?: string | null;
  log?: Log;
}

export const SUMMARY_FILE = 'ingest-summary.json';

/** The as-of instant in epoch ms: a bare date includes the whole day (UTC). */
export function parseAsOf(text: string): number {
  const ms = parseIsoDate(text);
  if (ms === null) throw new UserError(`--as-of ${text}: not an ISO 8601 date or date-time`);
  return parseIsoDay(text) === null ? ms : ms + DAY_MS - 1;
}

export async function ingestFolder(dataDir: string, outDir: string, options: IngestOptions = {}): Promise<IngestSummary> {
  const asOf = options.asOf == null ? null : parseAsOf(options.asOf);
  const files = findTableFiles(dataDir);
  const context: TableContext = { asOf, signups: new Map() };
  const tables: TableSummary[] = [];
  await withDuckDb(async (connection) => {
    // Every header is checked before any row, so a bad last file stops the run before the long tables.
    const sources: TableSource[] = [];
    for (const file of files) {
      const source = await openSource(file, connection);
      checkRequiredColumns(source, CONTRACT[file.table]);
      sources.push(source);
    }
    prepareOutput(outDir);
    for (const [i, file] of files.entries()) {
      const spec = CONTRACT[file.table];
      const summary = await withTableSinks(outDir, spec.name, spec.columns, connection, (sinks) =>
        ingestTable(sources[i], spec, context, sinks),
      );
      options.log?.info(`${file.table}: ${summary.read} read, ${summary.accepted} accepted, ${summary.rejected} rejected`);
      tables.push(summary);
    }
  });
  const summary = IngestSummary.parse({
    mode: 'folder',
    source: dataDir,
    as_of: asOf === null ? null : formatIsoDate(asOf),
    tables,
  });
  writeSummary(outDir, summary);
  return summary;
}

/** Clears the clean tables and quarantine of an earlier run, so no stale table is mixed in. */
export function prepareOutput(outDir: string): void {
  rmSync(join(outDir, 'tables'), { recursive: true, force: true });
  rmSync(join(outDir, 'quarantine'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'tables'), { recursive: true });
  mkdirSync(join(outDir, 'quarantine'), { recursive: true });
}

export function writeSummary(outDir: string, summary: IngestSummary): void {
  writeFileSync(join(outDir, SUMMARY_FILE), JSON.stringify(summary, null, 2) + '\n');
}

export function openSource(file: Pick<TableFile, 'path' | 'format'>, connection: DuckDBConnection): Promise<TableSource> {
  if (file.format === 'csv') return openCsv(file.path);
  if (file.format === 'jsonl') return openJsonl(file.path);
  return openParquet(file.path, connection);
}
