/**
 * Test-side reader of a folder of contract CSVs (the committed sample) into `CustomerData`, through
 * DuckDB, for the in-memory engine's tests: dates as epoch ms, blanks as null. Ingestion's clean
 * store is the production path; this only spares the tests an ingest run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as aq from 'arquero';
import { CONTRACT, TABLE_NAMES, type TableName } from '../../src/data/contract.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';

export async function readContractCsv(dir: string): Promise<CustomerData> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`SET TimeZone = 'UTC'`);
    const out: Partial<Record<TableName, aq.ColumnTable>> = {};
    for (const name of TABLE_NAMES) {
      const path = join(dir, `${name}.csv`);
      if (!existsSync(path)) continue;
      const source = `read_csv('${path}', header = true, all_varchar = true)`;
      const have = new Set(
        (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS().map((r) => String(r.column_name)),
      );
      const cols = CONTRACT[name].columns.filter((c) => have.has(c.name)).map((c) => {
        const q = `"${c.name}"`;
        if (c.kind === 'date') return `CAST(epoch_ms(CAST(NULLIF(${q}, '') AS TIMESTAMPTZ)) AS DOUBLE) AS ${q}`;
        if (c.kind === 'number') return `CAST(NULLIF(${q}, '') AS DOUBLE) AS ${q}`;
        return `NULLIF(${q}, '') AS ${q}`;
      });
      const reader = await conn.runAndReadAll(`SELECT ${cols.join(', ')} FROM ${source}`);
      out[name] = aq.table(reader.getColumnsObjectJS());
    }
    return { ...out, customers: out.customers as aq.ColumnTable };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
