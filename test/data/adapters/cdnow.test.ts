import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCdnowLine, readCdnow, SAMPLE_COLUMNS } from '../../../src/data/adapters/cdnow.ts';
import { describeShared, sharedPath } from '../../support/shared-data.ts';

const root = mkdtempSync(join(tmpdir(), 'hs-cdnow-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

describe('parseCdnowLine', () => {
  it('reads a space-padded purchase line', () => {
    expect(parseCdnowLine('   00001  19970101   1   11.77')).toEqual({ id: '00001', timestamp: Date.UTC(1997, 0, 1), amount: 11.77, quantity: 1 });
  });

  it('rejects an impossible date, a fractional CD count and a missing field', () => {
    expect(parseCdnowLine('00001 19970230 1 11.77')).toMatchObject({ reason: 'bad_date' });
    expect(parseCdnowLine('00001 19970101 1.5 11.77')).toMatchObject({ reason: 'bad_number' });
    expect(parseCdnowLine('00001 19970101 1')).toMatchObject({ reason: 'wrong_field_count' });
  });

  it('reads the sample layout, whose customer id is the master id', () => {
    expect(parseCdnowLine(' 00004 0001 19970118  2   29.73', SAMPLE_COLUMNS)).toEqual({ id: '00004', timestamp: Date.UTC(1997, 0, 18), amount: 29.73, quantity: 2 });
  });
});

describe('readCdnow', () => {
  it('tells the sample layout (five fields, no header) from the master layout by the first line', async () => {
    const { data, summary } = await readCdnow(file('sample.txt', ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00021 0002 19970101  3   63.34\r\n'));
    expect(data.customers.array('customer_id')).toEqual(['00004', '00021']);
    expect(data.transactions.array('amount')).toEqual([29.33, 29.73, 63.34]);
    expect(summary.tables[1]).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
  });

  it('quarantines a bad line with its file, line and column, and keeps the others', async () => {
    const path = file('master.txt', ' customer_id  date number_of_cds  dollar_value\n 00001 19970101 1 11.77\n 00002 19971332 1 5\n');
    const { data, quarantine } = await readCdnow(path);
    expect(data.transactions.numRows()).toBe(1);
    expect(quarantine.transactions).toEqual([
      { file: path, line: 3, column: 'date', value: '19971332', reason: 'bad_date', detail: 'date must be a real calendar day written YYYYMMDD' },
    ]);
  });

  it('skips blank lines, as the CSV reader does, keeping the file\'s line numbers', async () => {
    const path = file('blank.txt', ' customer_id  date number_of_cds  dollar_value\n 00001 19970101 1 11.77\n\n   \n 00002 19971332 1 5\n');
    const { data, summary, quarantine } = await readCdnow(path);
    expect(data.transactions.numRows()).toBe(1);
    expect(summary.tables[1]).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(quarantine.transactions?.[0]).toMatchObject({ line: 5, column: 'date' });
  });

  it('names a path it cannot read in a user error, not a crash', async () => {
    await expect(readCdnow(root)).rejects.toMatchObject({ name: 'UserError', message: expect.stringMatching(/: cannot read \(EISDIR/) });
  });
});

describeShared(['cdnow', 'CDNOW_master.txt'], 'readCdnow on the CDNOW master log', () => {
  it('accounts for every line and derives one customer per buyer with signup at the first purchase', async () => {
    // Counts from ../shared/data/README.md: 69,659 transactions, 23,570 customers.
    const { data, summary } = await readCdnow(sharedPath('cdnow', 'CDNOW_master.txt'));
    const transactions = summary.tables.find((t) => t.table === 'transactions');
    expect(transactions).toMatchObject({ read: 69659, accepted: 69659, rejected: 0 });
    for (const t of summary.tables) expect(t.read).toBe(t.accepted + t.rejected);
    expect(data.customers.numRows()).toBe(23570);
    expect(data.transactions.numRows()).toBe(69659);
    // Customer 00001's only purchase is on 1997-01-01 (first data line of the file).
    expect(data.customers.object(0)).toMatchObject({ customer_id: '00001', signup_date: Date.UTC(1997, 0, 1) });
    // The cohort first bought in Q1 1997, so every signup falls in January to March 1997.
    const signups = data.customers.array('signup_date') as number[];
    expect(Math.min(...signups)).toBe(Date.UTC(1997, 0, 1));
    expect(Math.max(...signups)).toBeLessThan(Date.UTC(1997, 3, 1));
  });
});
