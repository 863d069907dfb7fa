/**
 * Parquet reader through DuckDB, streamed by chunk. Every column becomes text in SQL, so validation
 * treats Parquet as CSV: timestamps ISO 8601 in UTC (a TIMESTAMP without zone is UTC, as the clean
 * store writes them), numbers their shortest decimal text. A row's "line" is its 1-based number.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../../diagnostics/user-error.ts';
import { sqlIdent, sqlString } from '../duckdb-session.ts';
import { checkHeader } from './header-check.ts';
import type { SourceRecord, TableSource } from './table-source.ts';

function asText(name: string, type: string): string {
  const col = sqlIdent(name);
  if (type === 'TIMESTAMP WITH TIME ZONE') return `strftime(timezone('UTC', ${col}), '%Y-%m-%dT%H:%M:%S.%gZ')`;
  if (type.startsWith('TIMESTAMP')) return `strftime(CAST(${col} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')`;
  return `CAST(${col} AS VARCHAR)`;
}

/** Parquet files begin and end with the magic bytes `PAR1` (Apache Parquet file format spec). */
function hasParquetMagic(path: string): boolean {
  const size = statSync(path).size;
  if (size < 12) return false;
  const head = Buffer.alloc(4);
  const tail = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
    readSync(fd, tail, 0, 4, size - 4);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === 'PAR1' && tail.toString('latin1') === 'PAR1';
}

export async function openParquet(path: string, connection: DuckDBConnection): Promise<TableSource> {
  if (!hasParquetMagic(path)) {
    throw new UserError(`${path}: not a Parquet file (no PAR1 magic bytes; is it CSV or JSON Lines under the wrong name?)`);
  }
  let described;
  try {
    described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UserError(`${path}: not a readable Parquet file (${why})`);
  }
  const rows = described.getRowObjectsJS();
  const columns = checkHeader(path, rows.map((r) => String(r.column_name)));
  const types = rows.map((r) => String(r.column_type));
  const select = columns.map((c, i) => `${asText(c, types[i])} AS ${sqlIdent(c)}`).join(', ');
  async function* records(): AsyncGenerator<SourceRecord> {
    const result = await connection.stream(`SELECT ${select} FROM read_parquet(${sqlString(path)})`);
    let line = 0;
    for await (const chunk of result.yieldRowsJs()) {
      for (const row of chunk) {
        line++;
        const values: Record<string, string | null> = {};
        for (let i = 0; i < columns.length; i++) {
          const v = row[i];
          values[columns[i]] = v === null ? null : String(v);
        }
        yield { line, values };
      }
    }
  }
  return { file: path, format: 'parquet', columns, records: records() };
}
