import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../../src/score/lifecycle.ts';
import { PriorityRow, priorityList, priorityOrder } from '../../src/score/priority.ts';
import type { Tier } from '../../src/score/tiers.ts';
import type { ValueMethod } from '../../src/value/customer-value.ts';

describe('priorityOrder', () => {
  it('ranks by revenue at risk, highest first', () => {
    expect(Array.from(priorityOrder(Float64Array.of(10, 30, 20), Float64Array.of(0.1, 0.1, 0.1), ['a', 'b', 'c']))).toEqual([1, 2, 0]);
  });
  it('breaks ties by higher churn probability, then by customer id', () => {
    const order = priorityOrder(Float64Array.of(5, 5, 5, 5), Float64Array.of(0.2, 0.9, 0.2, 0.2), ['d', 'x', 'b', 'c']);
    expect(Array.from(order)).toEqual([1, 2, 3, 0]);
  });
  it('puts unknown revenue at risk last', () => {
    expect(Array.from(priorityOrder(Float64Array.of(NaN, 0, 3), Float64Array.of(0.5, 0.5, 0.5), ['a', 'b', 'c']))).toEqual([2, 1, 0]);
  });
  it('gives the same order whatever the input order', () => {
    const ids = ['e', 'a', 'c', 'b', 'd'];
    const rar = Float64Array.of(1, 2, 2, 0, 2);
    const p = Float64Array.of(0.3, 0.5, 0.5, 0.1, 0.4);
    const first = Array.from(priorityOrder(rar, p, ids), (i) => ids[i]);
    const perm = [4, 2, 0, 3, 1];
    const second = Array.from(
      priorityOrder(Float64Array.from(perm, (i) => rar[i]), Float64Array.from(perm, (i) => p[i]), perm.map((i) => ids[i])),
      (i) => ids[perm[i]],
    );
    expect(second).toEqual(first);
  });
});

describe('priorityList', () => {
  const input = {
    customerId: ['a', 'b', 'c'],
    revenueAtRisk: Float64Array.of(100, 500, 900),
    lifetimeValue: Float64Array.of(1000, 1000, 1000),
    valueMethod: ['mrr-survival', 'none', 'bgnbd-gamma-gamma'] as ValueMethod[],
    churnProbability: Float64Array.of(0.1, 0.5, 0.9),
    healthScore: Float64Array.of(90, 50, 10),
    tier: ['healthy', 'watch', 'at-risk'] as Tier[],
    stage: ['active', 'declining', 'churned'] as LifecycleStage[],
    reasons: ['', 'fewer logins', 'no purchase in 90 days'],
  };
  it('leaves out churned customers and numbers the rest from 1', () => {
    const rows = priorityList(input);
    expect(rows.map((r) => [r.rank, r.customer_id])).toEqual([
      [1, 'b'],
      [2, 'a'],
    ]);
    for (const r of rows) expect(PriorityRow.safeParse(r).success).toBe(true);
  });
  it('keeps only the first rows when given a limit', () => {
    expect(priorityList(input, 1).map((r) => r.customer_id)).toEqual(['b']);
  });
  it('refuses columns of different lengths, naming the column', () => {
    expect(() => priorityList({ ...input, reasons: [] })).toThrow(/reasons/);
  });
});
