/**
 * The JSON form of a fitted GBDT, one object per tree with its node arrays. A threshold of +∞ is
 * written as null (JSON has no infinity); finite doubles round-trip exactly, so a loaded model
 * predicts bit-for-bit the same margins.
 */
import { z } from 'zod';
import { GbdtModel } from './model.ts';
import type { Tree } from './tree.ts';

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

/**
 * Rebuilds a model from a parsed spec; a problem value when the trees are not well formed (array
 * lengths, child ids, feature indices), so a corrupted artifact is reported rather than walked.
 */
export function fromSpec(spec: GbdtSpec): { ok: true; model: GbdtModel } | { ok: false; problem: string } {
  const trees: Tree[] = [];
  for (let k = 0; k < spec.trees.length; k++) {
    const t = spec.trees[k];
    const n = t.feature.length;
    const lengths = [t.threshold, t.binThreshold, t.missingLeft, t.left, t.right, t.value, t.cover, t.gain].map((a) => a.length);
    if (n === 0 || lengths.some((l) => l !== n)) return { ok: false, problem: `tree ${k}: node arrays differ in length or are empty` };
    for (let i = 0; i < n; i++) {
      if (t.feature[i] >= spec.featureNames.length) return { ok: false, problem: `tree ${k}, node ${i}: feature ${t.feature[i]} out of range` };
      // Children after their parent rules out cycles and lets depth be computed in one pass.
      if (t.feature[i] >= 0 && !(t.left[i] > i && t.left[i] < n && t.right[i] > i && t.right[i] < n)) {
        return { ok: false, problem: `tree ${k}, node ${i}: child id out of range` };
      }
    }
    trees.push({
      feature: Int32Array.from(t.feature),
      threshold: Float64Array.from(t.threshold, (v) => (v === null ? Number.POSITIVE_INFINITY : v)),
      binThreshold: Uint8Array.from(t.binThreshold),
      missingLeft: Uint8Array.from(t.missingLeft, (b) => (b ? 1 : 0)),
      left: Int32Array.from(t.left),
      right: Int32Array.from(t.right),
      value: Float64Array.from(t.value),
      cover: Float64Array.from(t.cover),
      gain: Float64Array.from(t.gain),
    });
  }
  return { ok: true, model: new GbdtModel(spec.featureNames, spec.baseline, trees) };
}
