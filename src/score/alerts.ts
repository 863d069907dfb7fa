/**
 * Alert rules over the score history, so a customer-success team hears of customers whose health changed:
 * - `score_drop`: the score fell by at least `points`, or `percent`% of the earlier score, from the highest score
 *   at as-of dates in [today − withinDays, today) by calendar day (the peak: a slide over nights is one fall);
 * - `tier_worsened`: the tier is worse than at the previous as-of date (healthy → watch → at-risk);
 * - `entered_at_risk`: the tier is at-risk and was not at the previous as-of date.
 * Scores and tiers are the final ones, after overrides; a customer with no earlier row raises no alert.
 */
import { z } from 'zod';
import { DAY_MS } from '../data/contract.ts';
import { parseIsoDate } from '../data/iso-date.ts';
import { AsOfDate, type HistoryRow } from './history/history-row.ts';
import { Tier } from './tiers.ts';

export const AlertRules = z
  .object({
    scoreDrop: z
      .object({
        /** Fire when the score fell by at least this many points; null: no points rule. */
        points: z.number().positive().nullable().default(null),
        /** Fire when the score fell by at least this % of the earlier score; null: no percentage rule. */
        percent: z.number().positive().max(100).nullable().default(20),
        withinDays: z.number().int().positive().default(7),
      })
      .nullable()
      .default({ points: null, percent: 20, withinDays: 7 }),
    tierWorsened: z.boolean().default(true),
    enteredAtRisk: z.boolean().default(true),
  })
  .strict();
export type AlertRules = z.infer<typeof AlertRules>;
export type AlertRulesInput = z.input<typeof AlertRules>;

export const AlertRule = z.enum(['score_drop', 'tier_worsened', 'entered_at_risk']);
export type AlertRule = z.infer<typeof AlertRule>;

export const Alert = z.object({
  customer_id: z.string(),
  as_of: AsOfDate,
  rule: AlertRule,
  /** The as-of date compared with: the window's peak for score_drop, the previous run otherwise. */
  previous_as_of: AsOfDate,
  previous_score: z.number().int(),
  current_score: z.number().int(),
  previous_tier: Tier,
  current_tier: Tier,
  /** The current reasons, the explanation the team acts on. */
  reasons: z.string(),
});
export type Alert = z.infer<typeof Alert>;

const TIER_RANK: Record<Tier, number> = { healthy: 0, watch: 1, 'at-risk': 2 };

function dayNumber(date: string): number {
  const ms = parseIsoDate(date);
  if (ms === null) throw new Error(`evaluateAlerts: ${date} is not a date`);
  return ms / DAY_MS;
}

/** Whether a fall from `before` to `after` meets the points or percentage threshold. */
export function isScoreDrop(before: number, after: number, rule: NonNullable<AlertRules['scoreDrop']>): boolean {
  const fall = before - after;
  if (fall <= 0) return false;
  if (rule.points !== null && fall >= rule.points) return true;
  // fall / before ≥ percent / 100, cross-multiplied so that exactly 20% is not lost to rounding.
  return rule.percent !== null && fall * 100 >= rule.percent * before;
}

/**
 * The alerts for `currentAsOf`, ordered by customer then rule, from history rows that include that date's
 * and enough earlier ones (`withinDays` back, and each customer's previous run).
 */
export function evaluateAlerts(history: readonly HistoryRow[], currentAsOf: string, rules: AlertRulesInput = {}): Alert[] {
  const r = AlertRules.parse(rules);
  const today = dayNumber(currentAsOf);
  const byCustomer = new Map<string, HistoryRow[]>();
  for (const row of history) {
    if (row.as_of > currentAsOf) continue;
    const list = byCustomer.get(row.customer_id);
    if (list === undefined) byCustomer.set(row.customer_id, [row]);
    else list.push(row);
  }
  const alerts: Alert[] = [];
  const customers = [...byCustomer.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [customer, rows] of customers) {
    const current = rows.find((x) => x.as_of === currentAsOf);
    if (current === undefined) continue;
    const earlier = rows.filter((x) => x.as_of < currentAsOf).sort((a, b) => (a.as_of < b.as_of ? -1 : 1));
    if (earlier.length === 0) continue;
    const alert = (rule: AlertRule, before: HistoryRow): Alert => ({
      customer_id: customer,
      as_of: currentAsOf,
      rule,
      previous_as_of: before.as_of,
      previous_score: before.health_score,
      current_score: current.health_score,
      previous_tier: before.tier,
      current_tier: current.tier,
      reasons: current.reasons,
    });
    const drop = r.scoreDrop;
    if (drop !== null) {
      const window = earlier.filter((x) => today - dayNumber(x.as_of) <= drop.withinDays);
      // The peak; on ties the latest, the most relevant comparison.
      const peak = window.reduce<HistoryRow | null>((best, x) => (best === null || x.health_score >= best.health_score ? x : best), null);
      if (peak !== null && isScoreDrop(peak.health_score, current.health_score, drop)) alerts.push(alert('score_drop', peak));
    }
    const previous = earlier[earlier.length - 1];
    if (r.tierWorsened && TIER_RANK[current.tier] > TIER_RANK[previous.tier]) alerts.push(alert('tier_worsened', previous));
    if (r.enteredAtRisk && current.tier === 'at-risk' && previous.tier !== 'at-risk') alerts.push(alert('entered_at_risk', previous));
  }
  return alerts;
}
