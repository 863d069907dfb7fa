/**
 * Streams one table file through validation: each record is staged for the clean store or quarantined,
 * and counted. Memory is bounded by the context (accepted customers' signups), not the file's size.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../diagnostics/user-error.ts';
import type { TableSpec } from './contract.ts';
import { StagedTable, type StoredColumn } from './clean-store.ts';
import { tableSummary, type TableSummary } from './ingest-summary.ts';
import { QuarantineWriter } from './quarantine.ts';
import { validateRecord, type ValidationContext } from './record-validation.ts';
import type { ProblemReason } from './row-problem.ts';
import type { TableSource } from './readers/table-source.ts';

export interface TableSinks {
  staged: StagedTable;
  quarantine: QuarantineWriter;
}

export interface TableContext {
  asOf: number | null;
  /** Filled while reading `customers` (accepted id → signup ms); read for every other table. */
  signups: Map<string, number>;
}

/**
 * Runs `work` with the staging file and quarantine of `table` under `outDir`, then writes the clean
 * Parquet; if `work` throws, the staging file is dropped instead.
 */
export async function withTableSinks<T>(
  outDir: string,
  table: string,
  columns: readonly StoredColumn[],
  connection: DuckDBConnection,
  work: (sinks: TableSinks) => Promise<T>,
): Promise<T> {
  const staged = new StagedTable(outDir, table, columns);
  const quarantine = await QuarantineWriter.open(join(outDir, 'quarantine', `${table}.csv`));
  try {
    const result = await work({ staged, quarantine });
    await staged.finish(connection);
    return result;
  } catch (err) {
    await staged.discard();
    throw err;
  } finally {
    await quarantine.close();
  }
}

/** A file without one of its table's required columns cannot give a single valid row. */
export function checkRequiredColumns(source: TableSource, spec: TableSpec): void {
  for (const column of spec.columns) {
    if (column.required && !source.columns.includes(column.name)) {
      throw new UserError(`${source.file}: missing required column "${column.name}" (columns found: ${source.columns.join(', ')})`);
    }
  }
}

export async function ingestTable(
  source: TableSource,
  spec: TableSpec,
  context: TableContext,
  sinks: TableSinks,
): Promise<TableSummary> {
  checkRequiredColumns(source, spec);
  const contractNames = new Set(spec.columns.map((c) => c.name));
  const isCustomers = spec.name === 'customers';
  const seenIds = new Set<string>();
  let extraColumns: string[] = [];
  let knownColumnCount = -1;
  let validation: ValidationContext = { asOf: context.asOf, signups: null, seenIds: null, extraColumns };
  const reasons: Partial<Record<ProblemReason, number>> = {};
  let read = 0;
  let accepted = 0;
  for await (const record of source.records) {
    read++;
    if (source.columns.length !== knownColumnCount) {
      // Only JSON Lines can grow its columns mid-file; re-deriving the extras is then O(columns).
      knownColumnCount = source.columns.length;
      extraColumns = source.columns.filter((c) => !contractNames.has(c));
      sinks.staged.addExtraColumns(extraColumns);
      validation = {
        asOf: context.asOf,
        signups: isCustomers ? null : context.signups,
        seenIds: isCustomers ? seenIds : null,
        extraColumns,
      };
    }
    const result = 'problem' in record ? { ok: false as const, problems: [record.problem] } : validateRecord(spec, record.values, validation);
    if (result.ok) {
      accepted++;
      if (isCustomers) {
        const id = result.row.customer_id as string;
        seenIds.add(id);
        context.signups.set(id, result.row.signup_date as number);
      }
      await sinks.staged.add(result.row);
      continue;
    }
    for (const p of result.problems) {
      reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
      await sinks.quarantine.write({ file: source.file, line: record.line, ...p });
    }
  }
  if (isCustomers && read === 0) throw new UserError(`${source.file}: has a header but no customer rows`);
  return tableSummary({ table: spec.name, file: source.file, format: source.format, read, accepted, reasons, extra_columns: extraColumns });
}
