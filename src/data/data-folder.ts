/**
 * Which file holds which table in a data folder, with the checks that come before any row is read (each
 * file named after a contract table, in a format we read, not empty, one per table; `customers` there).
 * Files whose name starts with `.` or `README` are documentation or tooling and are passed over.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../diagnostics/user-error.ts';
import { TABLE_NAMES, TableName } from './contract.ts';
import { formatOfFile, type FileFormat } from './readers/table-source.ts';

export interface TableFile {
  table: TableName;
  path: string;
  format: FileFormat;
}

/** The table files of `dataDir`, customers first, then in contract order. */
export function findTableFiles(dataDir: string): TableFile[] {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new UserError(`${dataDir}: data folder not found`);
  }
  const found = new Map<TableName, TableFile>();
  for (const name of readdirSync(dataDir).sort()) {
    const path = join(dataDir, name);
    if (name.startsWith('.') || name.startsWith('README') || !statSync(path).isFile()) continue;
    const stem = name.split('.')[0];
    const table = TableName.safeParse(stem);
    if (!table.success) {
      throw new UserError(`${path}: unknown table "${stem}" (data files are named ${TABLE_NAMES.join(', ')} + .csv, .jsonl or .parquet)`);
    }
    const format = formatOfFile(name);
    if (format === null || name.split('.').length !== 2) {
      throw new UserError(`${path}: not a CSV, JSON Lines or Parquet file (name it ${stem}.csv, ${stem}.jsonl or ${stem}.parquet)`);
    }
    const earlier = found.get(table.data);
    if (earlier !== undefined) {
      throw new UserError(`${path}: table ${table.data} is also in ${earlier.path}; keep one file per table`);
    }
    if (statSync(path).size === 0) throw new UserError(`${path}: file is empty`);
    found.set(table.data, { table: table.data, path, format });
  }
  if (!found.has('customers')) {
    throw new UserError(`${join(dataDir, 'customers.csv')}: missing (the customers table is required, as .csv, .jsonl or .parquet)`);
  }
  return TABLE_NAMES.flatMap((t) => {
    const file = found.get(t);
    return file === undefined ? [] : [file];
  });
}
