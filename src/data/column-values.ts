/**
 * Reading a column of an arquero table without copying it.
 *
 * `table.array(name)` always builds a new plain Array through `column.at(row)`, which on a
 * million-row scoring chunk costs more than scoring it. When the table is neither filtered nor
 * ordered, its rows are exactly the column's storage, so the storage itself (a Float64Array, an
 * Array) can be read as is. Callers must treat the result as read-only: it may be the table's own.
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
