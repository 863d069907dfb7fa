/**
 * Manual overrides: a customer-success manager who knows what the model does not (a renewal just signed)
 * moves a customer's score by some points or pins its tier, with a reason, an author and an expiry date.
 * They are never silent: the output keeps the model's score and tier beside the final ones.
 * - points: score + points clamped to 0–100, tier by the thresholds; the churn probability stays the model's.
 * - tier: pinned; the score stays the model's.
 * - expires: the last as-of date it applies to (inclusive), required so every override is looked at again.
 */
import { z } from 'zod';
import { AsOfDate, type HistoryRow, type ModelScoreRow } from './history/history-row.ts';
import { byThreshold, DEFAULT_TIER_CONFIG, Tier, type TierConfig } from './tiers.ts';

export const Override = z
  .object({
    customer_id: z.string().trim().min(1, 'customer_id is required'),
    points: z.number().int().min(-100).max(100).nullable().default(null),
    tier: Tier.nullable().default(null),
    reason: z.string().trim().min(1, 'a reason is required'),
    author: z.string().trim().min(1, 'an author is required'),
    expires: AsOfDate,
  })
  .strict()
  .refine((o) => (o.points === null) !== (o.tier === null), { message: 'give either points or tier, not both and not neither', path: ['points'] });
export type Override = z.infer<typeof Override>;

export interface OverrideResult {
  readonly rows: HistoryRow[];
  readonly applied: Override[];
  /** Past their expiry date: not applied, to be reported. */
  readonly expired: Override[];
  /** Active, but naming a customer not in this run. */
  readonly unmatched: Override[];
}

/** What an override did, as shown in the `override` column. */
export function describeOverride(o: Override): string {
  if (o.tier !== null) return `tier ${o.tier}`;
  const p = o.points ?? 0;
  return `${p >= 0 ? '+' : ''}${p} points`;
}

/**
 * The overrides active at `asOf` by customer, and the expired ones. Throws when two active
 * overrides name one customer (`parseOverrides` reports that as a user error before this point).
 */
export function activeOverrides(overrides: readonly Override[], asOf: string): { active: Map<string, Override>; expired: Override[] } {
  const expired = overrides.filter((o) => o.expires < asOf);
  const active = new Map<string, Override>();
  for (const o of overrides) {
    if (o.expires < asOf) continue;
    if (active.has(o.customer_id)) throw new Error(`applyOverrides: two active overrides for customer ${o.customer_id}`);
    active.set(o.customer_id, o);
  }
  return { active, expired };
}

/** One model row with its override (or none) applied. */
export function overrideRow(row: ModelScoreRow, o: Override | undefined, tiers: TierConfig = DEFAULT_TIER_CONFIG): HistoryRow {
  const base = { ...row, model_health_score: row.health_score, model_tier: row.tier };
  if (o === undefined) return { ...base, override: null, override_reason: null, override_author: null };
  const score = o.points === null ? row.health_score : Math.min(100, Math.max(0, row.health_score + o.points));
  const tier = o.tier ?? byThreshold(score, tiers);
  return { ...base, health_score: score, tier, override: describeOverride(o), override_reason: o.reason, override_author: o.author };
}

/** Applies the overrides active at `asOf` to the model's rows. */
export function applyOverrides(
  rows: readonly ModelScoreRow[],
  overrides: readonly Override[],
  asOf: string,
  tiers: TierConfig = DEFAULT_TIER_CONFIG,
): OverrideResult {
  const { active, expired } = activeOverrides(overrides, asOf);
  const used = new Set<string>();
  const out = rows.map((row): HistoryRow => {
    const o = active.get(row.customer_id);
    if (o !== undefined) used.add(row.customer_id);
    return overrideRow(row, o, tiers);
  });
  return {
    rows: out,
    applied: [...active.values()].filter((o) => used.has(o.customer_id)),
    expired,
    unmatched: [...active.values()].filter((o) => !used.has(o.customer_id)),
  };
}
