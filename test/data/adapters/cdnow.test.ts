import { describe, expect, it } from 'vitest';
import { loadCdnow, parseCdnowLine } from '../../../src/data/adapters/cdnow.ts';
import { describeShared, sharedPath } from '../../support/shared-data.ts';

describe('parseCdnowLine', () => {
  it('reads a space-padded purchase line', () => {
    expect(parseCdnowLine('   00001  19970101   1   11.77')).toEqual({ id: '00001', timestamp: Date.UTC(1997, 0, 1), amount: 11.77, quantity: 1 });
  });

  it('rejects an impossible date, a fractional CD count and a missing field', () => {
    expect(parseCdnowLine('00001 19970230 1 11.77')).toMatchObject({ reason: 'bad_date' });
    expect(parseCdnowLine('00001 19970101 1.5 11.77')).toMatchObject({ reason: 'bad_number' });
    expect(parseCdnowLine('00001 19970101 1')).toMatchObject({ reason: 'wrong_field_count' });
  });
});

describeShared(['cdnow', 'CDNOW_master.txt'], 'loadCdnow on the CDNOW master log', () => {
  it('accounts for every line and derives one customer per buyer with signup at the first purchase', async () => {
    // Counts from ../shared/data/README.md: 69,659 transactions, 23,570 customers.
    const { data, summary } = await loadCdnow(sharedPath('cdnow', 'CDNOW_master.txt'));
    const transactions = summary.tables.find((t) => t.table === 'transactions');
    expect(transactions).toMatchObject({ read: 69659, accepted: 69659, rejected: 0 });
    for (const t of summary.tables) expect(t.read).toBe(t.accepted + t.rejected);
    expect(data.customers.numRows()).toBe(23570);
    expect(data.transactions?.numRows()).toBe(69659);
    // Customer 00001's only purchase is on 1997-01-01 (first data line of the file).
    expect(data.customers.object(0)).toMatchObject({ customer_id: '00001', signup_date: Date.UTC(1997, 0, 1) });
    // The cohort first bought in Q1 1997, so every signup falls in January to March 1997.
    const signups = data.customers.array('signup_date') as number[];
    expect(Math.min(...signups)).toBe(Date.UTC(1997, 0, 1));
    expect(Math.max(...signups)).toBeLessThan(Date.UTC(1997, 3, 1));
  });
});
