import { describe, expect, it } from 'vitest';
import type { FeatureDictionary } from '../../src/features/dictionary.ts';
import { explainRows, formatReasons } from '../../src/score/reasons.ts';

const entry = (name: string, extra: Partial<FeatureDictionary[number]>): FeatureDictionary[number] => ({
  name,
  description: name.replaceAll('_', ' '),
  table: 'events',
  windowDays: null,
  aggregation: 'last',
  direction: 'unknown',
  dimension: 'other',
  kind: 'numeric',
  ...extra,
});

const dictionary: FeatureDictionary = [
  entry('days_since_last_event', { phrase: 'no login in {value} days', unit: 'days' }),
  entry('tickets_30d', { phrase: '{value} support tickets in 30 days', unit: 'count' }),
  entry('tenure_days', { phrase: 'customer for {value} days', unit: 'days' }),
  entry('contract', { kind: 'categorical', phrase: 'contract: {value}' }),
  entry('spend_90d', { phrase: 'spent {value} in 90 days', unit: 'currency' }),
];

// Matrix columns: days_since (standardised), its missing flag, tickets, tenure, contract one-hot ×2, spend.
const columnFeatures = [
  'days_since_last_event',
  'days_since_last_event',
  'tickets_30d',
  'tenure_days',
  'contract',
  'contract',
  'spend_90d',
];

const rawValues = {
  days_since_last_event: [34, null],
  tickets_30d: [3, 0],
  tenure_days: [400, 20],
  contract: ['month-to-month', 'two-year'],
  spend_90d: [1234.5, 10],
};

// Two rows of margin contributions (positive = churn up = score down).
const values = new Float64Array([
  // row 0: long absence (+0.9 + 0.0 flag), tickets +0.4, tenure −0.6, contract +0.3 −0.1 = +0.2, spend −0.05
  0.9, 0, 0.4, -0.6, 0.3, -0.1, -0.05,
  // row 1: missing last event: −0.2 standardised, +0.5 flag = +0.3; no tickets −0.1; tenure +0.2; contract −0.7; spend 0
  -0.2, 0.5, -0.1, 0.2, 0, -0.7, 0,
]);

const reasons = explainRows({ contributions: { base: -1, values }, columnFeatures, rawValues, dictionary });

describe('explainRows', () => {
  it('lists the top features pushing the score down, strongest first, in words', () => {
    expect(reasons[0].down.map((r) => r.text)).toEqual([
      'no login in 34 days',
      '3 support tickets in 30 days',
      'contract: month-to-month',
    ]);
  });

  it('lists the features pushing the score up, strongest first', () => {
    expect(reasons[0].up.map((r) => r.text)).toEqual(['customer for 400 days', 'spent 1,234.50 in 90 days']);
  });

  it('sums one-hot and missing-flag columns back to their source feature', () => {
    const contract = reasons[0].down.find((r) => r.feature === 'contract');
    expect(contract?.contribution).toBeCloseTo(0.2, 15);
    const lastEvent = reasons[1].down.find((r) => r.feature === 'days_since_last_event');
    expect(lastEvent?.contribution).toBeCloseTo(0.3, 15);
    expect(lastEvent?.text).toBe('days since last event: not recorded');
  });

  it('leaves out features that do not move the margin', () => {
    expect(reasons[1].up.map((r) => r.feature)).toEqual(['contract', 'tickets_30d']);
    expect([...reasons[1].down, ...reasons[1].up].some((r) => r.feature === 'spend_90d')).toBe(false);
  });

  it('keeps at most topK reasons per direction', () => {
    const one = explainRows({ contributions: { base: 0, values }, columnFeatures, rawValues, dictionary, topK: 1 });
    expect(one[0].down).toHaveLength(1);
    expect(one[0].up).toHaveLength(1);
  });

  it('still explains a feature missing from the dictionary, by its name', () => {
    const r = explainRows({
      contributions: { base: 0, values: new Float64Array([0.5]) },
      columnFeatures: ['avg_session_minutes'],
      rawValues: { avg_session_minutes: [12.5] },
      dictionary: [],
    });
    expect(r[0].down[0].text).toBe('avg session minutes: 12.5');
  });

  it('rejects raw values that do not cover every row', () => {
    expect(() =>
      explainRows({ contributions: { base: 0, values }, columnFeatures, rawValues: { ...rawValues, tickets_30d: [1] }, dictionary }),
    ).toThrow(/tickets_30d has 1 raw values for 2 rows/);
  });
});

describe('formatReasons', () => {
  it('puts both directions in one CSV cell', () => {
    expect(formatReasons(reasons[0])).toBe(
      'lowers score: no login in 34 days; 3 support tickets in 30 days; contract: month-to-month | raises score: customer for 400 days; spent 1,234.50 in 90 days',
    );
  });

  it('is empty when nothing moves the score', () => {
    expect(formatReasons({ down: [], up: [] })).toBe('');
  });
});

describe('explainRows with missing-value flags', () => {
  it('folds a "<feature>_missing" flag into its feature and says the flag when it is set', () => {
    const dictionary = [
      { name: 'days_since_last_event', description: 'Days since the latest event', table: 'events', windowDays: null, aggregation: 'days_since', direction: 'riskier' as const, dimension: 'activity' as const, kind: 'numeric' as const, phrase: 'last product activity {value} days ago', unit: 'days' },
      { name: 'days_since_last_event_missing', description: '1 when there is no event', table: 'events', windowDays: null, aggregation: 'missing', direction: 'riskier' as const, dimension: 'activity' as const, kind: 'flag' as const, phrase: 'no product activity recorded' },
    ];
    const [never, recent] = explainRows({
      // Two rows × two columns: the value and its flag both push churn up for row 0.
      contributions: { base: 0, values: Float64Array.of(0.4, 0.3, -0.2, -0.1) },
      columnFeatures: ['days_since_last_event', 'days_since_last_event_missing'],
      rawValues: { days_since_last_event: [730, 3], days_since_last_event_missing: [1, 0] },
      dictionary,
    });
    expect(never.down).toHaveLength(1);
    expect(never.down[0].text).toBe('no product activity recorded');
    expect(never.down[0].contribution).toBeCloseTo(0.7, 12);
    expect(recent.up.map((r) => r.text)).toEqual(['last product activity 3 days ago']);
  });
});

describe('explainRows ranking', () => {
  it('picks the same reasons as sorting every feature by size, ties by name, on random contributions with ties', () => {
    const names = ['e', 'b', 'd', 'a', 'c', 'f'];
    const rows = 300;
    const values = new Float64Array(rows * names.length);
    let s = 7;
    for (let i = 0; i < values.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      // Few distinct magnitudes, both signs and zeros: ties are common.
      values[i] = ((s >>> 8) % 7) - 3;
    }
    const raw = Object.fromEntries(names.map((n) => [n, Array.from({ length: rows }, () => 1)]));
    const dict = names.map((n) => entry(n, {}));
    for (const topK of [1, 2, 3, 6]) {
      const got = explainRows({ contributions: { values, base: 0 }, columnFeatures: names, rawValues: raw, dictionary: dict, topK });
      got.forEach((r, i) => {
        const row = names.map((n, j) => ({ n, v: values[i * names.length + j] })).filter((x) => x.v !== 0);
        row.sort((a, b) => Math.abs(b.v) - Math.abs(a.v) || a.n.localeCompare(b.n));
        expect(r.down.map((x) => x.feature)).toEqual(row.filter((x) => x.v > 0).slice(0, topK).map((x) => x.n));
        expect(r.up.map((x) => x.feature)).toEqual(row.filter((x) => x.v < 0).slice(0, topK).map((x) => x.n));
      });
    }
  });
});

