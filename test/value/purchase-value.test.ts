import { describe, expect, it } from 'vitest';
import { purchaseValue } from '../../src/value/purchase-value.ts';
import { simulatePurchases } from '../support/simulate-purchases.ts';
import { simulateSpend } from '../support/simulate-spend.ts';
import { ValueConfig } from '../../src/value/value-config.ts';
import { customerValueRows, CustomerValueRow } from '../../src/value/value-table.ts';

function summary() {
  const T = Float64Array.from({ length: 3_000 }, (_, i) => 20 + (i % 300));
  const sim = simulatePurchases({ variant: 'mbgnbd', unit: 'days', r: 0.5, alpha: 30, a: 0.8, b: 2.5 }, T, 0, 2, true);
  return { unit: 'days' as const, frequency: sim.frequency, recency: sim.recency, T, monetary: simulateSpend({ p: 6, q: 4, gamma: 15 }, sim.frequency, 3) };
}

describe('purchaseValue', () => {
  it('gives every customer probabilities in [0, 1] and a positive CLV', () => {
    const s = summary();
    const r = purchaseValue(s, 90, ValueConfig.parse({}));
    if ('problem' in r) throw new Error(r.problem);
    for (let i = 0; i < s.T.length; i++) {
      expect(r.value.probabilityNoPurchase[i]).toBeGreaterThanOrEqual(0);
      expect(r.value.probabilityNoPurchase[i]).toBeLessThanOrEqual(1);
      expect(r.value.lifetimeValue[i]).toBeGreaterThan(0);
    }
  });
  it('values a frequent recent buyer above a lapsed one-time buyer', () => {
    const s = summary();
    s.frequency[0] = 12;
    s.recency[0] = s.T[0] = 200;
    s.monetary[0] = 30;
    s.frequency[1] = 0;
    s.recency[1] = 0;
    s.T[1] = 300;
    s.monetary[1] = 0;
    const r = purchaseValue(s, 90, ValueConfig.parse({}));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.value.lifetimeValue[0]).toBeGreaterThan(10 * r.value.lifetimeValue[1]);
    expect(r.value.probabilityNoPurchase[0]).toBeLessThan(r.value.probabilityNoPurchase[1]);
  });
  it('says so when the summary unit and the config unit differ', () => {
    expect(purchaseValue(summary(), 90, ValueConfig.parse({ unit: 'weeks' }))).toHaveProperty('problem');
  });
});

describe('customerValueRows', () => {
  it('writes one valid row per customer with a first purchase', () => {
    const s = summary();
    s.T[5] = NaN;
    s.frequency[5] = s.recency[5] = s.monetary[5] = 0;
    const r = purchaseValue(s, 90, ValueConfig.parse({}));
    if ('problem' in r) throw new Error(r.problem);
    const ids = Array.from({ length: s.T.length }, (_, i) => `c${i}`);
    const rows = customerValueRows(ids, s, r.value);
    expect(rows).toHaveLength(s.T.length - 1);
    expect(rows.some((row) => row.customer_id === 'c5')).toBe(false);
    expect(CustomerValueRow.safeParse(rows[0]).success).toBe(true);
    expect(rows[0].value_method).toBe('mbgnbd-gamma-gamma');
  });
});
