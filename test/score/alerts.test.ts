import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { AlertRules, evaluateAlerts, isScoreDrop } from '../../src/score/alerts.ts';
import type { HistoryRow, ModelScoreRow } from '../../src/score/history/history-row.ts';
import { overrideRow } from '../../src/score/overrides.ts';
import type { Tier } from '../../src/score/tiers.ts';

const tierOf = (s: number): Tier => (s >= 70 ? 'healthy' : s >= 40 ? 'watch' : 'at-risk');

function row(customer: string, asOf: string, score: number, tier: Tier = tierOf(score)): HistoryRow {
  const model: ModelScoreRow = {
    customer_id: customer,
    as_of: asOf,
    churn_probability: (100 - score) / 100,
    health_score: score,
    tier,
    reasons: `reasons of ${customer} on ${asOf}`,
    model_version: 'churn/1',
  };
  return overrideRow(model, undefined);
}

/** Nightly scores of one customer from 2026-03-01, one per day. */
function nightly(customer: string, scores: number[]): HistoryRow[] {
  return scores.map((s, d) => row(customer, `2026-03-${String(d + 1).padStart(2, '0')}`, s));
}

describe('evaluateAlerts', () => {
  it('fires on a known sudden decline: score drop, worse tier and entry into at-risk', () => {
    // 82 for a week, then 35 on 2026-03-08: a fall of 47 points (57%) from healthy to at-risk.
    const history = nightly('c1', [82, 81, 83, 82, 82, 81, 83, 35]);
    const alerts = evaluateAlerts(history, '2026-03-08');
    expect(alerts.map((a) => a.rule)).toEqual(['score_drop', 'tier_worsened', 'entered_at_risk']);
    expect(alerts[0]).toMatchObject({ customer_id: 'c1', previous_score: 83, current_score: 35, previous_as_of: '2026-03-07', previous_tier: 'healthy', current_tier: 'at-risk' });
    expect(alerts[0].reasons).toBe('reasons of c1 on 2026-03-08');
    expect(alerts[1]).toMatchObject({ previous_score: 83, current_score: 35 });
  });

  it('fires nothing on a stable population', () => {
    const history = [...nightly('a', [80, 79, 81, 80, 78, 80, 79, 80]), ...nightly('b', [45, 46, 44, 45, 47, 45, 44, 45]), ...nightly('c', [30, 31, 29, 30, 30, 31, 30, 29])];
    expect(evaluateAlerts(history, '2026-03-08')).toEqual([]);
  });

  it('fires on a fall of exactly 20% and not on one just under it', () => {
    expect(evaluateAlerts([row('a', '2026-03-01', 50), row('a', '2026-03-02', 40)], '2026-03-02').map((a) => a.rule)).toContain('score_drop');
    expect(evaluateAlerts([row('a', '2026-03-01', 50), row('a', '2026-03-02', 41)], '2026-03-02').map((a) => a.rule)).not.toContain('score_drop');
  });

  it('compares with a score exactly D days earlier but not D + 1 days earlier', () => {
    const drop = (earlier: string) => evaluateAlerts([row('a', earlier, 90, 'healthy'), row('a', '2026-03-08', 60, 'healthy')], '2026-03-08');
    expect(drop('2026-03-01').map((a) => a.rule)).toEqual(['score_drop']);
    expect(drop('2026-02-28')).toEqual([]);
  });

  it('measures the fall from the peak of the window, so a slow slide is caught', () => {
    const history = nightly('a', [90, 85, 80, 75, 70]);
    const alerts = evaluateAlerts(history, '2026-03-05', { tierWorsened: false });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'score_drop', previous_score: 90, previous_as_of: '2026-03-01', current_score: 70 });
  });

  it('uses the points rule when configured, and no rule that is switched off', () => {
    const history = [row('a', '2026-03-01', 95), row('a', '2026-03-02', 85)];
    expect(evaluateAlerts(history, '2026-03-02')).toEqual([]);
    const rules = { scoreDrop: { points: 10, percent: null }, tierWorsened: false };
    expect(evaluateAlerts(history, '2026-03-02', rules).map((a) => a.rule)).toEqual(['score_drop']);
  });

  it('raises no alert for a customer seen for the first time', () => {
    expect(evaluateAlerts([row('new', '2026-03-08', 10)], '2026-03-08')).toEqual([]);
  });

  it('rejects an unknown rule in the config', () => {
    expect(() => AlertRules.parse({ scoreFall: 3 })).toThrow();
  });
});

describe('evaluateAlerts on a generated population', () => {
  /**
   * 200 customers scored nightly for 14 nights, each wobbling ±3 points around its own level
   * (kept away from the tier cut points 40 and 70 so that a wobble never changes the tier, and at
   * 50 or above, where a 6-point wobble is under 20%); on the last night every 25th customer
   * falls by 25–40 points. Exactly those must alert.
   */
  const rng = xoroshiro128plus(7);
  const u = () => uniformFloat64(rng);
  const levels = [55, 85];
  const history: HistoryRow[] = [];
  const decliners = new Set<string>();
  for (let c = 0; c < 200; c++) {
    const id = `c${String(c).padStart(3, '0')}`;
    const level = levels[c % 2] + Math.round(u() * 6 - 3);
    const falls = c % 25 === 0;
    if (falls) decliners.add(id);
    for (let d = 1; d <= 14; d++) {
      const wobble = Math.round(u() * 6 - 3);
      const score = falls && d === 14 ? level - 25 - Math.round(u() * 15) : level + wobble;
      history.push(row(id, `2026-03-${String(d).padStart(2, '0')}`, score));
    }
  }

  it('alerts exactly the customers with a sudden decline', () => {
    const alerted = new Set(evaluateAlerts(history, '2026-03-14').map((a) => a.customer_id));
    expect(decliners.size).toBeGreaterThan(3);
    expect([...alerted].sort()).toEqual([...decliners].sort());
  });

  it('alerts nobody on a night without declines', () => {
    expect(evaluateAlerts(history, '2026-03-13')).toEqual([]);
  });
});

describe('isScoreDrop', () => {
  it('treats a rise or no change as no drop whatever the thresholds', () => {
    expect(isScoreDrop(50, 50, { points: 0.5, percent: 0.1, withinDays: 7 })).toBe(false);
    expect(isScoreDrop(50, 60, { points: 0.5, percent: 0.1, withinDays: 7 })).toBe(false);
  });
});
