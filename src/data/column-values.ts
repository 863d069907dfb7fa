/**
 * A column of an arquero table without a copy: `table.array` builds a new Array row by row, but an
 * unfiltered, unordered table's rows are its column storage, read as is. Callers must treat the
 * result as read-only: it may be the table's own.
 */
import type { ColumnTable } from 'arquero';

export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name) as unknown;
  if (!table.isFiltered() && !table.isOrdered() && isArrayLike(column) && column.length === table.numRows()) return column;
  return table.array(name) as ArrayLike<unknown>;
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}
