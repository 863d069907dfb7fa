import { describe, expect, it } from 'vitest';
import { applyBins, fitBins, valueBins } from '../../../src/learn/gbdt/binning.ts';
import { growScratch, growTree, type GrowOptions } from '../../../src/learn/gbdt/grow.ts';
import { gradients } from '../../../src/learn/gbdt/loss.ts';
import type { SplitRules } from '../../../src/learn/gbdt/split.ts';
import { treeDepth } from '../../../src/learn/gbdt/tree.ts';
import type { Matrix } from '../../../src/learn/matrix.ts';
import { synthetic } from './dataset.ts';

function grow(x: Matrix, y: Uint8Array, over: Partial<GrowOptions> = {}, ruleOver: Partial<SplitRules> = {}) {
  const mapper = fitBins(x);
  const binned = applyBins(mapper, x);
  const g = new Float64Array(x.rows);
  const h = new Float64Array(x.rows);
  gradients(y, new Float64Array(x.rows), g, h);
  const rules: SplitRules = { l2: 0, minSamplesLeaf: 1, minHessianLeaf: 1e-3, minGainToSplit: 0, monotone: new Int8Array(x.cols), ...ruleOver };
  const opts: GrowOptions = { rules, growth: 'leafwise', maxLeaves: 31, maxDepth: null, learningRate: 1, ...over };
  return growTree(
    {
      binned, edges: mapper.edges, valueBins: Int32Array.from({ length: x.cols }, (_, j) => valueBins(mapper, j)), grad: g, hess: h,
      idx: Uint32Array.from({ length: x.rows }, (_, i) => i), features: Int32Array.from({ length: x.cols }, (_, j) => j),
    },
    opts,
    growScratch(x.rows, x.cols),
  );
}

describe('growTree', () => {
  it('splits a hand-built dataset at its known best cut', () => {
    // Feature 0 separates the labels exactly between 4 and 5; feature 1 is unrelated to them.
    const f0 = [1, 2, 3, 4, 5, 6, 7, 8];
    const f1 = [3, 1, 4, 1, 5, 9, 2, 6];
    const x = { rows: 8, cols: 2, data: Float64Array.from(f0.flatMap((v, i) => [v, f1[i]])) };
    const y = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const { tree } = grow(x, y);
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBe(4.5);
    // Both children are pure: no split can improve them, so the tree has 3 nodes.
    expect(tree.feature.length).toBe(3);
    // Newton values with p = 0.5: −Σg/Σh = −(4 × 0.5)/(4 × 0.25) = −2 on the left, +2 on the right.
    expect(tree.value[tree.left[0]]).toBeCloseTo(-2, 12);
    expect(tree.value[tree.right[0]]).toBeCloseTo(2, 12);
    expect(tree.cover[0]).toBe(8);
  });

  it('caps the number of leaves when growing leaf-wise', () => {
    const { x, y } = synthetic(2000, 5, 1);
    const { tree, leaves } = grow(x, y, { maxLeaves: 7 });
    expect(leaves.length).toBe(7);
    expect(tree.feature.filter((f) => f < 0).length).toBe(7);
  });

  it('caps the depth when growing depth-wise', () => {
    const { x, y } = synthetic(2000, 5, 1);
    const { tree } = grow(x, y, { growth: 'depthwise', maxLeaves: null, maxDepth: 3 });
    expect(treeDepth(tree)).toBe(3);
  });

  it('gives the same tree in both orders when no leaf cap binds', () => {
    const { x, y } = synthetic(1000, 4, 2);
    const a = grow(x, y, { growth: 'depthwise', maxLeaves: null, maxDepth: 4 }, { minSamplesLeaf: 20 }).tree;
    const b = grow(x, y, { growth: 'leafwise', maxLeaves: null, maxDepth: 4 }, { minSamplesLeaf: 20 }).tree;
    const leafValues = (t: typeof a): number[] => Array.from(t.value).filter((_, n) => t.feature[n] < 0).sort();
    expect(leafValues(a)).toEqual(leafValues(b));
  });

  it('keeps at least minSamplesLeaf rows in every leaf', () => {
    const { x, y } = synthetic(1000, 4, 3);
    const { tree } = grow(x, y, {}, { minSamplesLeaf: 50 });
    for (let n = 0; n < tree.feature.length; n++) if (tree.feature[n] < 0) expect(tree.cover[n]).toBeGreaterThanOrEqual(50);
  });

  it('partitions the rows so each leaf range holds exactly its cover', () => {
    const { x, y } = synthetic(500, 3, 4, 0.2);
    const { tree, leaves } = grow(x, y);
    for (const l of leaves) expect(l.end - l.start).toBe(tree.cover[l.node]);
  });
});
