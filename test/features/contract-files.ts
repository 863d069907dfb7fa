/**
 * Test-side writer: customer data as contract CSV files (ISO dates) and, through DuckDB, as a
 * clean-store-like `tables/<table>.parquet` (TIMESTAMP dates), for the SQL engine's tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnTable } from 'arquero';
import { CONTRACT, TABLE_NAMES } from '../../src/data/contract.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';

const cell = (v: unknown, date: boolean): string => {
  if (v === null || v === undefined) return '';
  if (date) return new Date(v as number).toISOString();
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeContractCsv(data: CustomerData, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of TABLE_NAMES) {
    const t = data[name] as ColumnTable | undefined;
    if (!t) continue;
    const cols = CONTRACT[name].columns.filter((c) => t.columnNames().includes(c.name));
    const arrays = cols.map((c) => t.array(c.name) as ArrayLike<unknown>);
    const lines = [cols.map((c) => c.name).join(',')];
    for (let i = 0; i < t.numRows(); i++) lines.push(arrays.map((a, j) => cell(a[i], cols[j].kind === 'date')).join(','));
    writeFileSync(join(dir, `${name}.csv`), `${lines.join('\n')}\n`);
  }
}

export async function writeContractParquet(data: CustomerData, dir: string): Promise<void> {
  const csvDir = join(dir, 'csv');
  writeContractCsv(data, csvDir);
  mkdirSync(join(dir, 'tables'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`SET TimeZone = 'UTC'`);
    for (const name of TABLE_NAMES) {
      if (!data[name]) continue;
      const types = CONTRACT[name].columns
        .map((c) => `'${c.name}': '${c.kind === 'string' ? 'VARCHAR' : c.kind === 'number' ? 'DOUBLE' : 'TIMESTAMP'}'`)
        .join(', ');
      await conn.run(
        `COPY (SELECT * FROM read_csv('${join(csvDir, `${name}.csv`)}', header = true, columns = {${types}})) TO '${join(dir, 'tables', `${name}.parquet`)}' (FORMAT parquet)`,
      );
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
