/**
 * The JSON form of a fitted GBDT: the artifact saved under models/<name>/<version>/.
 * One object per tree holding its parallel node arrays. Thresholds of +∞ ("every known value goes
 * left") are written as null, since JSON has no infinity; every other number is a finite double,
 * which JSON round-trips exactly, so a loaded model predicts bit-for-bit the same margins.
 */
import { z } from 'zod';
import { GbdtModel } from './model.ts';

export const TreeSpec = z.object({
  feature: z.array(z.number().int().min(-1)),
  threshold: z.array(z.number().nullable()),
  binThreshold: z.array(z.number().int().min(0).max(255)),
  missingLeft: z.array(z.boolean()),
  left: z.array(z.number().int().min(-1)),
  right: z.array(z.number().int().min(-1)),
  value: z.array(z.number()),
  cover: z.array(z.number().min(0)),
  gain: z.array(z.number()),
});
export type TreeSpec = z.infer<typeof TreeSpec>;

export const GbdtSpec = z.object({
  kind: z.literal('gbdt'),
  featureNames: z.array(z.string()),
  baseline: z.number(),
  trees: z.array(TreeSpec),
});
export type GbdtSpec = z.infer<typeof GbdtSpec>;

export function toSpec(model: GbdtModel): GbdtSpec {
  return {
    kind: 'gbdt',
    featureNames: [...model.featureNames],
    baseline: model.baseline,
    trees: model.trees.map((t) => ({
      feature: Array.from(t.feature),
      threshold: Array.from(t.threshold, (v) => (v === Number.POSITIVE_INFINITY ? null : v)),
      binThreshold: Array.from(t.binThreshold),
      missingLeft: Array.from(t.missingLeft, (v) => v === 1),
      left: Array.from(t.left),
      right: Array.from(t.right),
      value: Array.from(t.value),
      cover: Array.from(t.cover),
      gain: Array.from(t.gain),
    })),
  };
}

/** Rebuilds a model from a parsed spec; see GbdtModel.fromSpec. */
export function fromSpec(spec: GbdtSpec): { ok: true; model: GbdtModel } | { ok: false; problem: string } {
  return GbdtModel.fromSpec(spec);
}
