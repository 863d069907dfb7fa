/**
 * A short-lived in-memory DuckDB connection for one ingestion step. DuckDB reads and writes the
 * Parquet files (its C++ reader and writer are far faster than anything in JavaScript and need no
 * extra package), so the rest of ingestion never holds a whole table in memory.
 */
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

/** A string literal for SQL: paths go into `read_parquet('…')`, which takes no parameters. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted identifier, so that any column name a user's file has is safe in SQL. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
