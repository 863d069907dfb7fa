/**
 * The clean store: the contract between ingestion and the feature engines.
 *
 * `OUT/tables/<table>.parquet`, one file per table present in the input, columns named as in
 * the data contract followed by the extra columns kept from the input; strings are VARCHAR,
 * dates TIMESTAMP (UTC, no time zone), numbers DOUBLE, blanks NULL. Only accepted rows are in it.
 *
 * Rows are staged as JSON Lines next to the target while they stream in, then DuckDB turns the
 * staging file into Parquet in one pass; this keeps memory bounded whatever the row count and
 * lets the extra columns be known only at the end (JSON Lines may add keys on any line).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../diagnostics/user-error.ts';
import { CONTRACT, TABLE_NAMES, type ColumnKind, type TableName } from './contract.ts';
import type { CustomerData } from './customer-data.ts';
import { sqlIdent, sqlString, withDuckDb } from './duckdb-session.ts';
import { resultColumns } from './result-columns.ts';
import { LineSink } from './line-sink.ts';
import type { CleanRow } from './record-validation.ts';

export function cleanTablePath(dir: string, table: string): string {
  return join(dir, 'tables', `${table}.parquet`);
}

const DUCK_TYPE = { string: 'VARCHAR', date: 'BIGINT', number: 'DOUBLE' } as const;

/** A clean-store column: its name and how its values are typed (extra columns are strings). */
export interface StoredColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** Accepted rows of one table on their way to `OUT/tables/<table>.parquet`. */
export class StagedTable {
  private readonly sink: LineSink;
  private readonly stagingPath: string;
  private readonly extras: string[] = [];

  private constructor(
    private readonly outDir: string,
    private readonly table: string,
    private readonly columns: readonly StoredColumn[],
  ) {
    mkdirSync(join(outDir, 'tables'), { recursive: true });
    this.stagingPath = join(outDir, 'tables', `.${table}.staging.jsonl`);
    this.sink = new LineSink(this.stagingPath);
  }

  /** Stages `table` with the given leading columns (a contract table's, or tabular mode's). */
  static open(outDir: string, table: string, columns: readonly StoredColumn[]): StagedTable {
    return new StagedTable(outDir, table, columns);
  }

  /** Declares extra (non-contract) columns, in the order they should appear after the contract's. */
  addExtraColumns(names: readonly string[]): void {
    for (const name of names) if (!this.extras.includes(name)) this.extras.push(name);
  }

  add(row: CleanRow): Promise<void> {
    return this.sink.write(JSON.stringify(row));
  }

  /** Writes the Parquet file and removes the staging file. */
  async finish(connection: DuckDBConnection): Promise<void> {
    await this.sink.close();
    const columns = [
      ...this.columns.map((c) => ({ name: c.name, type: DUCK_TYPE[c.kind], date: c.kind === 'date' })),
      ...this.extras.map((name) => ({ name, type: 'VARCHAR', date: false })),
    ];
    const declared = columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
    const select = columns
      .map((c) => (c.date ? `epoch_ms(${sqlIdent(c.name)}) AS ${sqlIdent(c.name)}` : sqlIdent(c.name)))
      .join(', ');
    const source = `read_json(${sqlString(this.stagingPath)}, format = 'newline_delimited', columns = {${declared}})`;
    const target = cleanTablePath(this.outDir, this.table);
    await connection.run(`COPY (SELECT ${select} FROM ${source}) TO ${sqlString(target)} (FORMAT parquet)`);
    rmSync(this.stagingPath, { force: true });
  }

  /** Drops the staging file after a failed run. */
  async discard(): Promise<void> {
    await this.sink.close();
    rmSync(this.stagingPath, { force: true });
  }
}

/**
 * Writes in-memory customer data (from an adapter) as a clean store, through the same staging
 * path as streamed ingestion so both produce identical files.
 */
export async function writeCleanTables(data: CustomerData, outDir: string): Promise<void> {
  await withDuckDb(async (connection) => {
    for (const table of TABLE_NAMES) {
      const frame = data[table];
      if (frame === undefined) continue;
      const spec = CONTRACT[table];
      const staged = StagedTable.open(outDir, table, spec.columns);
      const contract = new Set(spec.columns.map((c) => c.name));
      staged.addExtraColumns(frame.columnNames().filter((name) => !contract.has(name)));
      for (const row of frame.objects()) await staged.add(row as CleanRow);
      await staged.finish(connection);
    }
  });
}

/**
 * Reads a clean store back as {@link CustomerData}: arquero tables, dates as epoch-ms numbers.
 * @throws UserError when `tables/customers.parquet` is missing.
 */
export async function readCleanTables(dir: string): Promise<CustomerData> {
  if (!existsSync(cleanTablePath(dir, 'customers'))) {
    throw new UserError(`${cleanTablePath(dir, 'customers')}: not found (run "healthscore ingest" first)`);
  }
  return withDuckDb(async (connection) => {
    const tables: Partial<Record<TableName, aq.ColumnTable>> = {};
    for (const table of TABLE_NAMES) {
      const path = cleanTablePath(dir, table);
      if (existsSync(path)) tables[table] = await readParquetTable(connection, path);
    }
    const customers = tables.customers as aq.ColumnTable;
    return { ...tables, customers };
  });
}

async function readParquetTable(connection: DuckDBConnection, path: string): Promise<aq.ColumnTable> {
  const source = `read_parquet(${sqlString(path)})`;
  const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
  const select = described
    .map((r) => {
      const col = sqlIdent(String(r.column_name));
      const type = String(r.column_type);
      if (type.startsWith('TIMESTAMP')) return `CAST(epoch_ms(${col}) AS DOUBLE) AS ${col}`;
      if (type === 'VARCHAR' || type === 'DOUBLE') return col;
      return `CAST(${col} AS DOUBLE) AS ${col}`;
    })
    .join(', ');
  const result = await connection.run(`SELECT ${select} FROM ${source}`);
  // Numeric columns without NULLs come back as Float64Array; one with NULLs keeps them as null
  // (an empty churn date or CSAT is not a number), as the feature code expects.
  return aq.table(Object.fromEntries(resultColumns(result, 'keep')));
}
