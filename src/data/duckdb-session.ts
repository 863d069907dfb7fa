/**
 * A short-lived in-memory DuckDB connection, and SQL quoting. DuckDB reads and writes the Parquet files
 * (fast, and no extra package), so no step holds a whole table in memory.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export async function withDuckDb<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Lets DuckDB spill to `<os tmpdir>/healthscore-duckdb` (an in-memory database has no spill directory,
 * so a query outgrowing memory would fail), with at most `memoryLimit` (e.g. '512MB') in memory.
 */
export async function spillToDisk(connection: DuckDBConnection, memoryLimit?: string): Promise<void> {
  const spill = join(tmpdir(), 'healthscore-duckdb');
  mkdirSync(spill, { recursive: true });
  await connection.run(`SET temp_directory = ${sqlString(spill)}`);
  if (memoryLimit !== undefined) await connection.run(`SET memory_limit = ${sqlString(memoryLimit)}`);
}

/** A string literal for SQL: paths go into `read_parquet('…')`, which takes no parameters. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted identifier, so that any column name a user's file has is safe in SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
