/**
 * Weighs a whole AHP config: the dimensions under the goal, the indicators under each, and every indicator's global
 * weight (`globalWeights`). The result is what `healthscore ahp` prints and what scoring and the comparison use.
 */
import { z } from 'zod';
import type { AhpConfig } from './config.ts';
import { globalWeights } from './global-weights.ts';
import { NodeWeights, nodeWeights } from './node-weights.ts';

export const IndicatorWeight = z.object({
  feature: z.string(),
  label: z.string(),
  dimension: z.string(),
  /** Weight within its dimension. */
  localWeight: z.number(),
  /** Weight in the whole score: dimension weight × local weight; all indicators sum to 1. */
  globalWeight: z.number(),
  /** The config's override, if any; the dictionary decides otherwise. */
  direction: z.enum(['healthier', 'riskier']).optional(),
});
export type IndicatorWeight = z.infer<typeof IndicatorWeight>;

/**
 * The weights of a whole AHP hierarchy: the goal's node (dimension weights with λmax, CI, RI, CR),
 * each dimension's node, every indicator's local and global weight, and warnings.
 *
 * @example
 * ```ts
 * import { ahpWeights, type AhpWeights } from 'healthscore/ahp';
 * const w: AhpWeights = ahpWeights('models/ahp/cdnow-rfm.json');
 * console.log(w.goal.consistencyRatio < 0.1); // => true
 * ```
 */
export const AhpWeights = z.object({
  name: z.string(),
  goal: NodeWeights,
  dimensions: z.array(z.object({ name: z.string(), weight: z.number(), indicators: NodeWeights })),
  indicators: z.array(IndicatorWeight),
  warnings: z.array(z.string()),
});
export type AhpWeights = z.infer<typeof AhpWeights>;

export type AhpWeightsResult = { ok: true; weights: AhpWeights } | { ok: false; problems: string[] };

function duplicates(names: readonly string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/** @param source the config's file name, prefixed to every message */
export function hierarchyWeights(config: AhpConfig, source: string): AhpWeightsResult {
  const problems: string[] = [];
  const dimensionNames = config.dimensions.map((d) => d.name);
  for (const d of duplicates(dimensionNames)) problems.push(`${source}: dimension "${d}" appears twice`);
  const features = config.dimensions.flatMap((d) => d.indicators.map((i) => i.feature));
  for (const f of duplicates(features)) {
    problems.push(`${source}: feature "${f}" is an indicator more than once (it would be counted twice)`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const goal = nodeWeights('goal', dimensionNames, config.judgments, `${source}: dimensions`);
  if (!goal.ok) problems.push(...goal.problems);
  const local: NodeWeights[] = [];
  for (const d of config.dimensions) {
    const names = d.indicators.map((i) => i.feature);
    const r = nodeWeights(d.name, names, d.judgments, `${source}: indicators of dimension "${d.name}"`);
    if (r.ok) local.push(r.node);
    else problems.push(...r.problems);
  }
  if (!goal.ok || problems.length > 0) return { ok: false, problems };

  const global = globalWeights(goal.node.weights, local.map((l) => l.weights));
  const indicators: IndicatorWeight[] = config.dimensions.flatMap((d, di) =>
    d.indicators.map((ind, k) => ({
      feature: ind.feature,
      label: ind.label ?? ind.feature,
      dimension: d.name,
      localWeight: local[di].weights[k],
      globalWeight: global[di][k],
      ...(ind.direction ? { direction: ind.direction } : {}),
    })),
  );
  return {
    ok: true,
    weights: {
      name: config.name,
      goal: goal.node,
      dimensions: config.dimensions.map((d, di) => ({ name: d.name, weight: goal.node.weights[di], indicators: local[di] })),
      indicators,
      warnings: [goal.node, ...local].flatMap((n) => n.warnings),
    },
  };
}
