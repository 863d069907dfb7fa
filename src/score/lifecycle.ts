/**
 * Lifecycle stage of each customer at the cutoff; the first rule that holds wins:
 * 1. churned — already churned by the cutoff (`churned`);
 * 2. at-risk — the tier is one of `atRiskTiers`; before "new", as a new customer the model flags needs saving now;
 * 3. new — tenure below `newTenureDays`: too little history to judge a trend;
 * 4. declining — activity trend below `decliningTrendBelow` (−0.25: activity fell by over a quarter); NaN never;
 * 5. active — everyone else.
 */
import { z } from 'zod';
import { Tier } from './tiers.ts';

export const LifecycleStage = z.enum(['new', 'active', 'declining', 'at-risk', 'churned']);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

export const LifecycleConfig = z.object({
  newTenureDays: z.number().positive().default(90),
  /** Relative change of activity, (recent − prior) / prior, below which a customer is declining. */
  decliningTrendBelow: z.number().default(-0.25),
  atRiskTiers: z.array(Tier).default(['at-risk']),
});
export type LifecycleConfig = z.infer<typeof LifecycleConfig>;

export interface LifecycleInput {
  /** Days from signup (or first purchase) to the cutoff. */
  tenureDays: Float64Array;
  /** Relative activity change, recent window against the one before; NaN = unknown. */
  activityTrend: Float64Array;
  /** null = not scored. */
  tier: readonly (Tier | null)[];
  /** 1 = already churned at the cutoff. */
  churned: Uint8Array;
}

/**
 * @example
 * lifecycleStages({ tenureDays: Float64Array.of(30, 400, 400), activityTrend: Float64Array.of(0, -0.5, 0.1),
 *   tier: ['healthy', 'watch', 'healthy'], churned: Uint8Array.of(0, 0, 0) });
 * // => ['new', 'declining', 'active']
 */
export function lifecycleStages(input: LifecycleInput, config: z.input<typeof LifecycleConfig> = {}): LifecycleStage[] {
  const c = LifecycleConfig.parse(config);
  const n = input.tenureDays.length;
  if (input.activityTrend.length !== n || input.tier.length !== n || input.churned.length !== n) {
    throw new RangeError('lifecycleStages: input arrays differ in length');
  }
  const atRisk = new Set<Tier>(c.atRiskTiers);
  const stages = new Array<LifecycleStage>(n);
  for (let i = 0; i < n; i++) {
    const tier = input.tier[i];
    if (input.churned[i]) stages[i] = 'churned';
    else if (tier !== null && atRisk.has(tier)) stages[i] = 'at-risk';
    else if (input.tenureDays[i] < c.newTenureDays) stages[i] = 'new';
    else if (input.activityTrend[i] < c.decliningTrendBelow) stages[i] = 'declining';
    else stages[i] = 'active';
  }
  return stages;
}
