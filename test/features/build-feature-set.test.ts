import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { buildFeatureSet, buildScoringSnapshot } from '../../src/features/build-feature-set.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';

const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
const T = d('2024-04-01');

/**
 * Hand-made history (labels worked out by hand in the comments):
 * A signed up 2024-01-01, churns 2024-05-10 → at T=04-01 with H=90 churns in [04-01, 06-30): label 1.
 * B signed up 2024-02-01, churned 2024-03-15 (before T) → not in the population.
 * C signed up 2024-03-01, never churns → label 0.
 * D signs up 2024-04-01 (= T, not strictly before) → not in the population.
 * E signed up 2023-06-01, churns 2024-06-30 (= T + 90 days, outside the half-open horizon) → label 0.
 */
function handData(): CustomerData {
  return {
    customers: aq.table({
      customer_id: ['A', 'B', 'C', 'D', 'E'],
      signup_date: [d('2024-01-01'), d('2024-02-01'), d('2024-03-01'), d('2024-04-01'), d('2023-06-01')],
      plan: ['pro', 'basic', null, 'pro', 'team'],
      segment: [null, null, null, null, null],
      region: [null, null, null, null, null],
      churn_date: [d('2024-05-10'), d('2024-03-15'), null, null, d('2024-06-30')],
    }),
    transactions: aq.table({
      customer_id: ['A', 'A', 'C', 'C', 'E'],
      timestamp: [d('2024-03-01'), d('2024-04-15'), d('2024-03-20'), d('2024-09-01'), d('2024-03-31')],
      amount: [10, 99, 20, 5, 7],
      transaction_id: [null, null, null, null, null],
      quantity: [null, null, null, null, null],
    }),
  };
}

describe('buildFeatureSet labels (explicit churn_date)', () => {
  const set = buildFeatureSet(handData(), DEFAULT_FEATURE_SPEC, {
    cutoffs: [T],
    horizonDays: 90,
    churn: { kind: 'explicit' },
  });
  const rows = set.table.objects() as Array<Record<string, unknown>>;

  it('includes only customers signed up strictly before T and not churned before T', () => {
    expect(rows.map((r) => r.customer_id)).toEqual(['A', 'C', 'E']);
  });

  it('labels churn in the half-open horizon [T, T + H days)', () => {
    expect(rows.map((r) => r.label)).toEqual([1, 0, 0]);
  });

  it('uses only rows dated before the cutoff', () => {
    // A's purchase on 04-15 is after T; only the 03-01 one (31 days before T) counts.
    expect(rows[0].purchases_365d).toBe(1);
    expect(rows[0].days_since_last_purchase).toBe(31);
    expect(rows[0].amount_365d).toBe(10);
  });

  it('fills a blank plan with "unknown"', () => {
    expect(rows[1].plan).toBe('unknown');
  });

  it('counts the cutoff in the summary', () => {
    expect(set.summary.cutoffs).toEqual([{ cutoff: '2024-04-01', population: 3, labelled: 3, churned: 1, censored: 0 }]);
  });
});

describe('buildFeatureSet labels (inactivity)', () => {
  it('labels 1 when no transaction falls in [T, T + H) and keeps lapsed customers in the population', () => {
    // A buys 04-15 (active), C next buys 09-01 (after T+90 → churned), E never again (churned);
    // B churned by date, but for inactivity the churn_date does not define the population.
    const set = buildFeatureSet(handData(), DEFAULT_FEATURE_SPEC, {
      cutoffs: [T],
      horizonDays: 90,
      churn: { kind: 'inactivity', tables: ['transactions'] },
    });
    const rows = set.table.objects() as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.customer_id, r.label])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 1],
      ['E', 1],
    ]);
  });
});

describe('buildFeatureSet labels (subscription ended without renewal)', () => {
  it('takes the latest end date when no subscription is still running', () => {
    const data: CustomerData = {
      ...handData(),
      subscriptions: aq.table({
        customer_id: ['A', 'A', 'C', 'E'],
        start_date: [d('2024-01-01'), d('2024-02-01'), d('2024-03-01'), d('2023-06-01')],
        // A renewed on 02-01 and ended 05-01 (inside the horizon) → 1; C still running → 0;
        // E ended 2024-03-01 (before T) → not in the population.
        end_date: [d('2024-02-01'), d('2024-05-01'), null, d('2024-03-01')],
        mrr: [10, 20, 30, 40],
        plan: [null, null, null, null],
      }),
    };
    const set = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, {
      cutoffs: [T],
      horizonDays: 90,
      churn: { kind: 'subscriptionEnded' },
    });
    const rows = set.table.objects() as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.customer_id, r.label])).toEqual([
      ['A', 1],
      ['B', 0],
      ['C', 0],
    ]);
    expect(rows[0].current_mrr).toBe(20);
    expect(rows[0].mrr_change_90d).toBe(10);
  });
});

describe('buildFeatureSet censoring', () => {
  it('leaves out and counts cutoffs whose horizon runs past the end of the data', () => {
    // Latest date in the data is 2024-09-01, so the data ends (exclusively) on 2024-09-02:
    // T = 06-15 + 90 days = 09-13 > 09-02 → censored (C, D and E are active then: 3 rows);
    // T = 04-01 + 90 = 06-30 → labelled.
    const set = buildFeatureSet(handData(), DEFAULT_FEATURE_SPEC, {
      cutoffs: [d('2024-06-15'), T],
      horizonDays: 90,
      churn: { kind: 'explicit' },
    });
    expect(set.summary.dataEnd).toBe('2024-09-02');
    expect(set.summary.cutoffs.map((c) => [c.cutoff, c.labelled, c.censored])).toEqual([
      ['2024-04-01', 3, 0],
      ['2024-06-15', 0, 3],
    ]);
    expect(set.summary.censoredTotal).toBe(3);
    expect(set.table.numRows()).toBe(3);
  });
});

describe('buildScoringSnapshot', () => {
  it('has every active customer at the as-of date and no label', () => {
    const set = buildScoringSnapshot(handData(), DEFAULT_FEATURE_SPEC, T);
    expect(set.table.array('customer_id')).toEqual(['A', 'C', 'E']);
    expect(set.table.array('label')).toEqual([null, null, null]);
    expect(set.summary.mode).toBe('scoring');
  });
});

describe('buildFeatureSet output', () => {
  it('never holds NaN in a numeric feature', () => {
    const set = buildFeatureSet(handData(), DEFAULT_FEATURE_SPEC, { cutoffs: [T], horizonDays: 90, churn: { kind: 'explicit' } });
    for (const name of set.summary.features) {
      for (const v of Array.from(set.table.array(name) as ArrayLike<unknown>)) {
        expect(typeof v === 'string' || Number.isFinite(v)).toBe(true);
      }
    }
  });

  it('has a dictionary entry for every feature column, in order', () => {
    const set = buildFeatureSet(handData(), DEFAULT_FEATURE_SPEC, { cutoffs: [T], horizonDays: 90, churn: { kind: 'explicit' } });
    expect(set.dictionary.map((e) => e.name)).toEqual(set.summary.features);
    expect(set.table.columnNames()).toEqual(['customer_id', 'cutoff', 'label', ...set.summary.features]);
  });
});
