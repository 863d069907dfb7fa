import { describe, expect, it } from 'vitest';
import { applyBins, fitBins } from '../../../src/learn/gbdt/binning.ts';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { addTreeBinned, packForest, predictForest } from '../../../src/learn/gbdt/predict.ts';
import type { Tree } from '../../../src/learn/gbdt/tree.ts';
import { synthetic } from './dataset.ts';

/** A stump on feature 1: x <= 0.5 → −1, else +1, missing → +1. */
const stump: Tree = {
  feature: Int32Array.from([1, -1, -1]),
  threshold: Float64Array.from([0.5, 0, 0]),
  binThreshold: Uint8Array.from([0, 0, 0]),
  missingLeft: Uint8Array.from([0, 0, 0]),
  left: Int32Array.from([1, -1, -1]),
  right: Int32Array.from([2, -1, -1]),
  value: Float64Array.from([0, -1, 1]),
  cover: Float64Array.from([4, 2, 2]),
  gain: Float64Array.from([1, 0, 0]),
};

/** The plain recursive walk, as the definition the packed predictor must agree with. */
function walk(t: Tree, row: ArrayLike<number>): number {
  let n = 0;
  while (t.feature[n] >= 0) {
    const v = row[t.feature[n]];
    n = Number.isNaN(v) ? (t.missingLeft[n] ? t.left[n] : t.right[n]) : v <= t.threshold[n] ? t.left[n] : t.right[n];
  }
  return t.value[n];
}

describe('predictForest', () => {
  it('routes values on the threshold left, above it right, and NaN by the learned direction', () => {
    const x = { rows: 4, cols: 2, data: Float64Array.from([9, 0.5, 9, 0.6, 9, NaN, 9, -3]) };
    expect(Array.from(predictForest(packForest([stump]), x, 10))).toEqual([9, 11, 11, 9]);
  });

  it('sends NaN left when the split learned so', () => {
    const t = { ...stump, missingLeft: Uint8Array.from([1, 0, 0]) };
    const x = { rows: 1, cols: 2, data: Float64Array.from([0, NaN]) };
    expect(predictForest(packForest([t]), x, 0)[0]).toBe(-1);
  });

  it('agrees with the plain walk on a trained forest of uneven depth, across block boundaries', () => {
    const { x, y } = synthetic(700, 4, 5, 0.1);
    const { model } = trainGbdt(x, y, { maxIter: 15, maxLeafNodes: 9, minSamplesLeaf: 5 });
    const fast = model.margin(x);
    for (let i = 0; i < x.rows; i++) {
      const row = x.data.subarray(i * 4, i * 4 + 4);
      const slow = model.trees.reduce((s, t) => s + walk(t, row), model.baseline);
      expect(fast[i]).toBeCloseTo(slow, 12);
    }
  });
});

describe('addTreeBinned', () => {
  it('matches the raw-value predictor on the training rows', () => {
    const { x, y } = synthetic(400, 3, 6, 0.15);
    const { model } = trainGbdt(x, y, { maxIter: 5, minSamplesLeaf: 5 });
    const binned = applyBins(fitBins(x), x);
    const out = new Float64Array(x.rows).fill(model.baseline);
    for (const t of model.trees) addTreeBinned(t, binned, out);
    const raw = model.margin(x);
    for (let i = 0; i < x.rows; i++) expect(out[i]).toBeCloseTo(raw[i], 12);
  });
});
