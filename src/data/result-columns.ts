/**
 * A materialized DuckDB result by column: DOUBLE columns as Float64Array (NULL → NaN), others as
 * JS values. Reading vectors chunk by chunk costs a few ns a cell; the client's generic
 * row-object conversion costs a few hundred, which at millions of rows × dozens of columns is
 * seconds.
 */
import { DuckDBTypeId, type DuckDBMaterializedResult } from '@duckdb/node-api';

/**
 * `asValues` names DOUBLE columns to read as JS values all the same, so that a NULL stays null
 * for code that tells a missing value from NaN.
 */
export function resultColumns(result: DuckDBMaterializedResult, asValues: ReadonlySet<string> = new Set()): Map<string, Float64Array | unknown[]> {
  const n = result.rowCount;
  const names = result.columnNames();
  const columns = names.map((name, j) => (result.columnTypeId(j) === DuckDBTypeId.DOUBLE && !asValues.has(name) ? new Float64Array(n) : new Array<unknown>(n)));
  let offset = 0;
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const rows = chunk.rowCount;
    columns.forEach((column, j) => {
      const vector = chunk.getColumnVector(j);
      if (column instanceof Float64Array) {
        for (let i = 0; i < rows; i++) column[offset + i] = (vector.getItem(i) as number | null) ?? NaN;
      } else {
        for (let i = 0; i < rows; i++) column[offset + i] = vector.getItem(i);
      }
    });
    offset += rows;
  }
  return new Map(names.map((name, j) => [name, columns[j]]));
}
