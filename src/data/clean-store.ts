/**
 * The clean store, the contract between ingestion and the feature engines: `OUT/tables/<table>.parquet`
 * of accepted rows, contract columns then kept extras; strings VARCHAR, dates TIMESTAMP (UTC), numbers
 * DOUBLE, blanks NULL. Rows stream into a JSON Lines staging file that DuckDB turns into Parquet at the
 * end: memory stays bounded, and extra columns need only be known then (JSON Lines may add keys late).
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

  /** Stages `table` with the given leading columns (a contract table's, or tabular mode's). */
  constructor(
    private readonly outDir: string,
    private readonly table: string,
    private readonly columns: readonly StoredColumn[],
  ) {
    mkdirSync(join(outDir, 'tables'), { recursive: true });
    this.stagingPath = join(outDir, 'tables', `.${table}.staging.jsonl`);
    this.sink = new LineSink(this.stagingPath);
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

/** Writes in-memory customer data (an adapter's) as a clean store, staged as ingestion stages its rows. */
export async function writeCleanTables(data: CustomerData, outDir: string): Promise<void> {
  await withDuckDb(async (connection) => {
    for (const table of TABLE_NAMES) {
      const frame = data[table];
      if (frame === undefined) continue;
      const spec = CONTRACT[table];
      const staged = new StagedTable(outDir, table, spec.columns);
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
  // A numeric column with NULLs keeps them as null (an empty churn date is not a number), as features expect.
  return aq.table(Object.fromEntries(resultColumns(result, 'keep')));
}
