/** The common row count of the named columns of a raw table; throws when one is absent or ragged. */
import type { RawTable } from './spec.ts';

export function tableRows(table: RawTable, names: readonly string[]): number {
  const absent = names.filter((n) => !Object.hasOwn(table, n));
  if (absent.length > 0) throw new Error(`feature columns absent from the table: ${absent.join(', ')}`);
  const rows = names.length === 0 ? 0 : table[names[0]].length;
  for (const n of names) {
    if (table[n].length !== rows) throw new Error(`column "${n}" has ${table[n].length} rows, expected ${rows}`);
  }
  return rows;
}

