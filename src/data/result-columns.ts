/**
 * A materialized DuckDB result by column (DOUBLE as Float64Array, others as JS values), read vector by
 * vector: far cheaper than the client's generic row objects at millions of rows × dozens of columns.
 */
import { DuckDBTypeId, type DuckDBMaterializedResult } from '@duckdb/node-api';

/**
 * A NULL in a DOUBLE column becomes NaN (`nulls: 'nan'`), or (`'keep'`) turns that column into JS
 * values where it stays null, for code that tells a missing value from NaN; a column without
 * NULLs stays a Float64Array either way.
 */
export function resultColumns(result: DuckDBMaterializedResult, nulls: 'nan' | 'keep' = 'nan'): Map<string, Float64Array | unknown[]> {
  const n = result.rowCount;
  const names = result.columnNames();
  const columns: (Float64Array | unknown[])[] = names.map((_, j) => (result.columnTypeId(j) === DuckDBTypeId.DOUBLE ? new Float64Array(n) : new Array<unknown>(n)));
  let offset = 0;
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const rows = chunk.rowCount;
    for (let j = 0; j < columns.length; j++) {
      const vector = chunk.getColumnVector(j);
      let column = columns[j];
      let i = 0;
      if (column instanceof Float64Array) {
        for (; i < rows; i++) {
          const v = vector.getItem(i) as number | null;
          if (v !== null) column[offset + i] = v;
          else if (nulls === 'nan') column[offset + i] = NaN;
          else break;
        }
        // The first NULL of a column whose NULLs are kept: its values so far, then JS values on.
        if (i < rows) column = columns[j] = Array.from(column);
      }
      if (!(column instanceof Float64Array)) for (; i < rows; i++) column[offset + i] = vector.getItem(i);
    }
    offset += rows;
  }
  return new Map(names.map((name, j) => [name, columns[j]]));
}
