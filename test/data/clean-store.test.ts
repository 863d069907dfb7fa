import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanTablePath, readCleanTables } from '../../src/data/clean-store.ts';
import { sqlString, withDuckDb } from '../../src/data/duckdb-session.ts';
import { ingestFolder } from '../../src/data/ingest-folder.ts';
import { IngestSummary } from '../../src/data/ingest-summary.ts';

async function ingestSmall(): Promise<{ outDir: string; summary: IngestSummary }> {
  const folder = mkdtempSync(join(tmpdir(), 'hs-data-'));
  writeFileSync(
    join(folder, 'customers.csv'),
    'customer_id,signup_date,plan,churn_date,owner\nc1,2024-01-01,pro,,ann\nc2,2024-01-02T06:00:00+02:00,,2024-03-01,\n',
  );
  writeFileSync(join(folder, 'transactions.jsonl'), '{"customer_id":"c1","timestamp":"2024-01-05T10:00:00Z","amount":12.5}\n');
  const outDir = mkdtempSync(join(tmpdir(), 'hs-clean-'));
  return { outDir, summary: await ingestFolder(folder, outDir) };
}

describe('the clean store', () => {
  it('types the columns VARCHAR, TIMESTAMP and DOUBLE, contract columns first, extras after', async () => {
    const { outDir } = await ingestSmall();
    const types = await withDuckDb(async (connection) => {
      const r = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(cleanTablePath(outDir, 'transactions'))})`);
      return r.getRowObjectsJS().map((row) => `${String(row.column_name)} ${String(row.column_type)}`);
    });
    expect(types).toEqual(['customer_id VARCHAR', 'timestamp TIMESTAMP', 'amount DOUBLE', 'transaction_id VARCHAR', 'quantity DOUBLE']);
  });

  it('reads back as arquero tables with epoch-ms dates, nulls for blanks and extra columns kept', async () => {
    const { outDir } = await ingestSmall();
    const data = await readCleanTables(outDir);
    expect(data.customers.objects()).toEqual([
      { customer_id: 'c1', signup_date: Date.UTC(2024, 0, 1), plan: 'pro', segment: null, region: null, churn_date: null, owner: 'ann' },
      { customer_id: 'c2', signup_date: Date.UTC(2024, 0, 2, 4), plan: null, segment: null, region: null, churn_date: Date.UTC(2024, 2, 1), owner: null },
    ]);
    expect(data.transactions?.objects()).toEqual([
      { customer_id: 'c1', timestamp: Date.UTC(2024, 0, 5, 10), amount: 12.5, transaction_id: null, quantity: null },
    ]);
    expect(data.events).toBeUndefined();
  });

  it('writes a summary file that parses with the IngestSummary schema', async () => {
    const { outDir, summary } = await ingestSmall();
    const written = IngestSummary.parse(JSON.parse(readFileSync(join(outDir, 'ingest-summary.json'), 'utf8')));
    expect(written).toEqual(summary);
    expect(written.tables.map((t) => [t.table, t.format, t.extra_columns])).toEqual([
      ['customers', 'csv', ['owner']],
      ['transactions', 'jsonl', []],
    ]);
  });
});
