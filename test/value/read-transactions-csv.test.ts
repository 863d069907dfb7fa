import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTransactionsCsv } from '../../src/value/read-transactions-csv.ts';

const file = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'hs-value-')), 'transactions.csv');
  writeFileSync(path, text);
  return path;
};

describe('readTransactionsCsv', () => {
  it('reads customer ids, UTC timestamps and amounts, ignoring other columns', () => {
    const r = readTransactionsCsv(file('transaction_id,customer_id,timestamp,amount\nt1,c9,2024-03-01,10.5\nt2,c2,2024-03-02T12:00:00Z,3\nt3,c9,2024-03-05,4\n'));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.log.customerIds).toEqual(['c9', 'c2']);
    expect(Array.from(r.log.customer)).toEqual([0, 1, 0]);
    expect(r.log.timestampMs[1]).toBe(Date.UTC(2024, 2, 2, 12));
    expect(Array.from(r.log.amount)).toEqual([10.5, 3, 4]);
  });
  it('names the missing column', () => {
    const path = file('customer_id,timestamp\nc1,2024-01-01\n');
    expect(readTransactionsCsv(path)).toEqual({ problem: `${path}: no column "amount" in the header (found customer_id, timestamp)` });
  });
  it('names file, row and column of a bad value', () => {
    const path = file('customer_id,timestamp,amount\nc1,2024-01-01,5\nc1,2024-02-30,5\n');
    expect(readTransactionsCsv(path)).toEqual({ problem: `${path}: row 3, column timestamp: "2024-02-30" is not an ISO 8601 date` });
    const path2 = file('customer_id,timestamp,amount\nc1,2024-01-01,five\n');
    expect(readTransactionsCsv(path2)).toEqual({ problem: `${path2}: row 2, column amount: "five" is not a number` });
  });
  it('reports a file that cannot be read', () => {
    expect(readTransactionsCsv('/nonexistent/t.csv')).toHaveProperty('problem');
  });
});
