/**
 * Tiers turn health scores into the three lists a customer-success team works from.
 * - `by: "thresholds"`: healthy if score ≥ healthyMin (default 70), watch if ≥ watchMin (default 40), else at risk.
 * - `by: "capacity"`: the team can call only a share k of customers, so the riskiest ⌊k·n⌋ are at risk, ranked by
 *   churn probability when given (finer than the score), else by score; the rest are healthy if score ≥ healthyMin,
 *   else watch. A tie group straddling the cut stays out: equal risk means equal tier, even if the capacity is
 *   then not quite filled.
 */
import { z } from 'zod';

export const Tier = z.enum(['healthy', 'watch', 'at-risk']);
export type Tier = z.infer<typeof Tier>;

const score = z.number().min(0).max(100);

export const TierConfig = z
  .discriminatedUnion('by', [
    z.object({ by: z.literal('thresholds'), healthyMin: score.default(70), watchMin: score.default(40) }),
    z.object({
      by: z.literal('capacity'),
      /** Share of customers the team can treat as at risk, e.g. 0.1 for 10%. */
      atRiskShare: z.number().gt(0).lte(1),
      healthyMin: score.default(70),
      watchMin: score.default(40),
    }),
  ])
  .refine((c) => c.watchMin <= c.healthyMin, { message: 'watchMin must not exceed healthyMin' });
export type TierConfig = z.infer<typeof TierConfig>;

export const DEFAULT_TIER_CONFIG: TierConfig = { by: 'thresholds', healthyMin: 70, watchMin: 40 };

/** The tier of a score by the config's thresholds (a points override re-tiers by this rule too). */
export function byThreshold(s: number, c: TierConfig): Tier {
  if (s >= c.healthyMin) return 'healthy';
  if (s >= c.watchMin) return 'watch';
  return 'at-risk';
}

export function assignTiers(scores: ArrayLike<number>, config: TierConfig, churnProbabilities?: ArrayLike<number>): Tier[] {
  const n = scores.length;
  if (churnProbabilities !== undefined && churnProbabilities.length !== n) {
    throw new Error(`assignTiers: ${n} scores but ${churnProbabilities.length} probabilities`);
  }
  if (config.by === 'thresholds') {
    // A loop, not Array.from with a callback, which is an order of magnitude slower on a batch job's rows.
    const tiers = new Array<Tier>(n);
    for (let i = 0; i < n; i++) tiers[i] = byThreshold(scores[i], config);
    return tiers;
  }
  // Risk: higher = riskier.
  const risk = churnProbabilities === undefined ? Float64Array.from(scores, (s) => -s) : churnProbabilities;
  return tiersAtCut(scores, risk, config, capacityCut(risk, config.atRiskShare));
}

/**
 * The least risk still at risk under a capacity share, over the whole population (a batch job finds it in a first
 * pass, then tiers each chunk with `tiersAtCut`); +Infinity when nobody fits.
 */
export function capacityCut(risk: ArrayLike<number>, atRiskShare: number): number {
  const n = risk.length;
  const sorted = Float64Array.from(risk).sort().reverse();
  let m = Math.floor(atRiskShare * n);
  // Leave out a tie group straddling the cut (see the module comment).
  while (m > 0 && m < n && sorted[m - 1] === sorted[m]) m--;
  return m === 0 ? Number.POSITIVE_INFINITY : sorted[m - 1];
}

/** Capacity tiers given the population's cut: at risk from `cut` up, the rest by score. */
export function tiersAtCut(scores: ArrayLike<number>, risk: ArrayLike<number>, config: TierConfig, cut: number): Tier[] {
  const tiers = new Array<Tier>(scores.length);
  for (let i = 0; i < scores.length; i++) tiers[i] = risk[i] >= cut ? 'at-risk' : scores[i] >= config.healthyMin ? 'healthy' : 'watch';
  return tiers;
}

export function tierCounts(tiers: readonly Tier[]): Record<Tier, number> {
  const counts: Record<Tier, number> = { healthy: 0, watch: 0, 'at-risk': 0 };
  for (const t of tiers) counts[t]++;
  return counts;
}
