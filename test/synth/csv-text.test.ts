import { describe, expect, it } from 'vitest';
import { CONTRACT, TABLE_NAMES } from '../../src/data/contract.ts';
import { planName } from '../../src/synth/catalog.ts';
import { CSV_HEADERS, historyCsv, rowCounts } from '../../src/synth/csv-text.ts';
import type { CustomerHistory } from '../../src/synth/history.ts';
import { timestampText } from '../../src/synth/timestamp-text.ts';

const t = (iso: string): number => Date.parse(iso);

/** A hand-made history: one of each row, with blanks where the contract allows them. */
const history: CustomerHistory = {
  customerId: 'C000042',
  profile: { index: 41, signupMs: t('2024-02-03'), segment: 1, region: 2, tier: 1, annual: true, seats: 3, mrr: 201.45, healthLevel: 0, health0: 0 },
  churnMs: t('2024-06-10'),
  events: Float64Array.of(t('2024-03-05T14:21:07Z'), 0, 12.5, t('2024-03-06T08:00:00Z'), 2, Number.NaN),
  transactions: Float64Array.of(t('2024-04-01T10:00:00Z'), 35.5, 2),
  tickets: Float64Array.of(t('2024-05-01T09:00:00Z'), Number.NaN, 3, 1, Number.NaN, t('2024-05-02T09:00:00Z'), t('2024-05-02T10:30:00Z'), 0, 4, 5),
  surveys: Float64Array.of(t('2024-05-20T12:00:00Z'), 3),
  subscriptions: Float64Array.of(t('2024-02-03'), t('2024-06-10'), 201.45, 1, 1),
  truth: {
    customer_id: 'C000042',
    health_level: 0,
    month_end_health: [],
    shocks: [],
    declined: false,
    churn_date: '2024-06-10',
    churn_cause: 'nps',
    last_weekly_churn_probability: 0.01,
  },
};

describe('CSV_HEADERS', () => {
  it('lists the contract columns of each table in order', () => {
    for (const table of TABLE_NAMES) expect(CSV_HEADERS[table]).toBe(`${CONTRACT[table].columns.map((c) => c.name).join(',')}\n`);
  });
});

describe('historyCsv', () => {
  const text = historyCsv(history, timestampText(t('2024-01-01'), t('2025-01-01')));

  it('writes one line per row with blanks for missing values (checked by hand)', () => {
    expect(text.customers).toBe('C000042,2024-02-03,pro-annual,mid,apac,2024-06-10\n');
    expect(text.events).toBe('C000042,2024-03-05T14:21:07Z,login,12.5\nC000042,2024-03-06T08:00:00Z,report_export,\n');
    expect(text.transactions).toBe('C000042,2024-04-01T10:00:00Z,35.50,C000042-T1,2\n');
    expect(text.tickets).toBe(
      'C000042,2024-05-01T09:00:00Z,,urgent,bug,\nC000042,2024-05-02T09:00:00Z,2024-05-02T10:30:00Z,low,account,5\n',
    );
    expect(text.surveys).toBe('C000042,2024-05-20T12:00:00Z,3\n');
    expect(text.subscriptions).toBe('C000042,2024-02-03,2024-06-10,201.45,pro-annual\n');
  });

  it('counts the rows of each table', () => {
    expect(rowCounts(history)).toEqual({ customers: 1, transactions: 1, events: 2, tickets: 2, surveys: 1, subscriptions: 1 });
  });
});

describe('planName', () => {
  it('names a plan by tier and billing', () => {
    expect([planName(0, false), planName(1, true), planName(2, true)]).toEqual(['basic-monthly', 'pro-annual', 'enterprise-annual']);
  });
});
