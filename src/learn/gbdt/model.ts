/**
 * A fitted gradient-boosted tree ensemble as a `ChurnModel`: margin = baseline + Σ tree outputs,
 * contributions = exact TreeSHAP with base = the ensemble's expected value.
 */
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions, ModelKind } from '../model.ts';
import { planForest, predictPlan, type ForestPlan } from './predict.ts';
import type { GbdtSpec } from './serialize.ts';
import { expectedValue, treeDepth, type Tree } from './tree.ts';
import { shapScratch, treeShap } from './treeshap.ts';

export class GbdtModel implements ChurnModel {
  readonly kind: ModelKind = 'gbdt';
  /** E[margin] over the training distribution as the trees saw it: TreeSHAP's base value. */
  readonly expectedValue: number;
  private readonly forest: ForestPlan;
  private readonly depth: number;

  constructor(
    readonly featureNames: readonly string[],
    /** The starting margin: log-odds of the training churn rate. */
    readonly baseline: number,
    readonly trees: readonly Tree[],
  ) {
    this.forest = planForest(trees, featureNames.length);
    this.depth = trees.reduce((m, t) => Math.max(m, treeDepth(t)), 0);
    this.expectedValue = trees.reduce((s, t) => s + expectedValue(t), baseline);
  }

  /**
   * Rebuilds a model from a parsed GbdtSpec. Returns the problem as a value when the trees are not
   * well formed (unequal array lengths, a child id out of range or not after its parent, a feature
   * index past the feature names), so a corrupted artifact is reported rather than walked.
   */
  static fromSpec(spec: GbdtSpec): { ok: true; model: GbdtModel } | { ok: false; problem: string } {
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

  margin(x: Matrix): Float64Array {
    this.checkColumns(x);
    return predictPlan(this.forest, x, this.baseline);
  }

  /** Cost: rows × trees × O(leaves · depth²). */
  contributions(x: Matrix): Contributions {
    this.checkColumns(x);
    const values = new Float64Array(x.rows * x.cols);
    const scratch = shapScratch(this.depth);
    for (let i = 0; i < x.rows; i++) {
      for (const t of this.trees) treeShap(t, x.data, i * x.cols, values, i * x.cols, scratch);
    }
    return { base: this.expectedValue, values };
  }

  private checkColumns(x: Matrix): void {
    if (x.cols !== this.featureNames.length) {
      throw new Error(`GbdtModel: matrix has ${x.cols} columns, the model was trained on ${this.featureNames.length}`);
    }
  }
}
