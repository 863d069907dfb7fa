import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../src/data/contract.ts';
import { validateRecord, type ValidationContext } from '../../src/data/record-validation.ts';

const base: ValidationContext = { asOf: null, signups: null, seenIds: null, extraColumns: [] };
const JAN1 = Date.UTC(2024, 0, 1);

describe('validateRecord', () => {
  it('types a valid customer row: dates to epoch ms, blanks to null', () => {
    const result = validateRecord(CONTRACT.customers, { customer_id: ' c1 ', signup_date: '2024-01-01', plan: '', segment: 'smb' }, base);
    expect(result).toEqual({
      ok: true,
      row: { customer_id: 'c1', signup_date: JAN1, plan: null, segment: 'smb', region: null, churn_date: null },
    });
  });

  it('keeps extra columns as strings, untrimmed', () => {
    const result = validateRecord(CONTRACT.customers, { customer_id: 'c1', signup_date: '2024-01-01', owner: ' Ann ' }, { ...base, extraColumns: ['owner'] });
    expect(result.ok && result.row.owner).toBe(' Ann ');
  });

  it('reports every column problem of a row, not just the first', () => {
    const result = validateRecord(CONTRACT.tickets, { customer_id: '', opened_at: 'soon', priority: 'asap', csat: '0' }, base);
    expect(result.ok ? [] : result.problems.map((p) => `${p.column}:${p.reason}`)).toEqual([
      'customer_id:blank_required',
      'opened_at:bad_date',
      'priority:not_allowed',
      'csat:out_of_range',
    ]);
  });

  it('accepts NPS 0 and 10 and rejects 10.5 as not a whole number', () => {
    const ctx = { ...base, signups: new Map([['c1', JAN1]]) };
    const nps = (v: string) => validateRecord(CONTRACT.surveys, { customer_id: 'c1', timestamp: '2024-01-02', nps: v }, ctx);
    expect(nps('0').ok).toBe(true);
    expect(nps('10').ok).toBe(true);
    expect(nps('10.5')).toMatchObject({ ok: false, problems: [{ reason: 'not_integer' }] });
  });

  it('rejects a row of a customer that was not accepted', () => {
    const ctx = { ...base, signups: new Map([['c1', JAN1]]) };
    const result = validateRecord(CONTRACT.events, { customer_id: 'c2', timestamp: '2024-01-02', event_type: 'login' }, ctx);
    expect(result).toMatchObject({ ok: false, problems: [{ column: 'customer_id', reason: 'unknown_customer' }] });
  });

  it('compares with signup by UTC day, so a same-day event before the signup hour is kept', () => {
    const ctx = { ...base, signups: new Map([['c1', Date.UTC(2024, 0, 1, 15)]]) };
    const at = (t: string) => validateRecord(CONTRACT.events, { customer_id: 'c1', timestamp: t, event_type: 'x' }, ctx).ok;
    expect(at('2024-01-01T09:00:00Z')).toBe(true);
    expect(at('2023-12-31T23:59:59Z')).toBe(false);
  });

  it('rejects a row dated after the as-of instant and keeps one dated exactly at it', () => {
    const ctx = { ...base, asOf: JAN1 };
    expect(validateRecord(CONTRACT.customers, { customer_id: 'c1', signup_date: '2024-01-01' }, ctx).ok).toBe(true);
    expect(validateRecord(CONTRACT.customers, { customer_id: 'c1', signup_date: '2024-01-01T00:00:00.001Z' }, ctx)).toMatchObject({
      ok: false,
      problems: [{ reason: 'after_as_of' }],
    });
  });

  it('rejects a customer id already accepted', () => {
    const result = validateRecord(CONTRACT.customers, { customer_id: 'c1', signup_date: '2024-01-01' }, { ...base, seenIds: new Set(['c1']) });
    expect(result).toMatchObject({ ok: false, problems: [{ reason: 'duplicate_id' }] });
  });

  it('tells non-numeric from non-finite amounts', () => {
    const ctx = { ...base, signups: new Map([['c1', JAN1]]) };
    const amount = (v: string) => {
      const r = validateRecord(CONTRACT.transactions, { customer_id: 'c1', timestamp: '2024-01-02', amount: v }, ctx);
      return r.ok ? 'ok' : r.problems[0].reason;
    };
    expect([amount('-3.5e2'), amount('0x10'), amount('12,5'), amount('-inf'), amount('nan'), amount('1e400')]).toEqual([
      'ok',
      'bad_number',
      'bad_number',
      'non_finite_number',
      'non_finite_number',
      'non_finite_number',
    ]);
  });
});
