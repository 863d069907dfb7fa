import { describe, expect, it } from 'vitest';
import type { ModelScoreRow } from '../../src/score/history/history-row.ts';
import { applyOverrides, describeOverride, Override } from '../../src/score/overrides.ts';

const row = (customer: string, score: number, tier: ModelScoreRow['tier']): ModelScoreRow => ({
  customer_id: customer,
  as_of: '2026-03-08',
  churn_probability: (100 - score) / 100,
  health_score: score,
  tier,
  reasons: 'no login in 34 days',
  model_version: 'churn/1',
});

const override = (o: Partial<Override> & { customer_id: string }): Override =>
  Override.parse({ reason: 'renewal signed', author: 'ana', expires: '2026-03-31', ...o });

describe('applyOverrides', () => {
  const rows = [row('a', 65, 'watch'), row('b', 35, 'at-risk'), row('c', 90, 'healthy')];

  it('adds points, moves the tier with the final score, and keeps the model score beside it', () => {
    const { rows: out, applied } = applyOverrides(rows, [override({ customer_id: 'a', points: 10 })], '2026-03-08');
    expect(out[0]).toMatchObject({ health_score: 75, tier: 'healthy', model_health_score: 65, model_tier: 'watch', override: '+10 points', override_reason: 'renewal signed', override_author: 'ana' });
    expect(out[0].churn_probability).toBe(0.35);
    expect(applied.map((o) => o.customer_id)).toEqual(['a']);
  });

  it('pins a tier without touching the score', () => {
    const { rows: out } = applyOverrides(rows, [override({ customer_id: 'b', tier: 'watch' })], '2026-03-08');
    expect(out[1]).toMatchObject({ health_score: 35, tier: 'watch', model_tier: 'at-risk', override: 'tier watch' });
  });

  it('clamps the final score to 0–100', () => {
    const { rows: out } = applyOverrides(rows, [override({ customer_id: 'c', points: 30 }), override({ customer_id: 'b', points: -50 })], '2026-03-08');
    expect(out.map((r) => r.health_score)).toEqual([65, 0, 100]);
  });

  it('ignores and reports an expired override, applying one that expires that very day', () => {
    const old = override({ customer_id: 'a', points: 10, expires: '2026-03-07' });
    const today = override({ customer_id: 'b', points: 10, expires: '2026-03-08' });
    const result = applyOverrides(rows, [old, today], '2026-03-08');
    expect(result.expired).toEqual([old]);
    expect(result.rows[0]).toMatchObject({ health_score: 65, override: null });
    expect(result.rows[1]).toMatchObject({ health_score: 45, override: '+10 points' });
  });

  it('reports an override for a customer who is not in the run', () => {
    expect(applyOverrides(rows, [override({ customer_id: 'zz', points: 5 })], '2026-03-08').unmatched.map((o) => o.customer_id)).toEqual(['zz']);
  });

  it('leaves rows without an override equal to the model, with empty override columns', () => {
    const { rows: out } = applyOverrides(rows, [], '2026-03-08');
    expect(out[2]).toEqual({ ...rows[2], model_health_score: 90, model_tier: 'healthy', override: null, override_reason: null, override_author: null });
  });
});

describe('Override', () => {
  it('requires exactly one of points and tier', () => {
    expect(Override.safeParse({ customer_id: 'a', reason: 'r', author: 'x', expires: '2026-01-01' }).success).toBe(false);
    expect(Override.safeParse({ customer_id: 'a', points: 5, tier: 'watch', reason: 'r', author: 'x', expires: '2026-01-01' }).success).toBe(false);
  });

  it('describes a negative adjustment with its sign', () => {
    expect(describeOverride(override({ customer_id: 'a', points: -7 }))).toBe('-7 points');
  });
});
