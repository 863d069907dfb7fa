import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { compiledSource, compileSource } from '../../../src/learn/gbdt/compile.ts';
import { packForest, planForest, predictForest, predictPlan } from '../../../src/learn/gbdt/predict.ts';
import type { Tree } from '../../../src/learn/gbdt/tree.ts';
import { synthetic } from './dataset.ts';

/** Bitwise equality of two margin arrays (Object.is tells −0 from 0 and matches NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe('compileSource', () => {
  it('routes NaN by the learned direction, as the packed walk does', () => {
    const stump = (missingLeft: number): Tree => ({
      feature: Int32Array.from([1, -1, -1]),
      threshold: Float64Array.from([0.5, 0, 0]),
      binThreshold: Uint8Array.from([0, 0, 0]),
      missingLeft: Uint8Array.from([missingLeft, 0, 0]),
      left: Int32Array.from([1, -1, -1]),
      right: Int32Array.from([2, -1, -1]),
      value: Float64Array.from([0, -1, 1]),
      cover: Float64Array.from([4, 2, 2]),
      gain: Float64Array.from([1, 0, 0]),
    });
    const data = Float64Array.from([9, 0.5, 9, 0.6, 9, NaN]);
    for (const m of [0, 1]) {
      const sum = new Float64Array(3);
      compileSource(compiledSource([stump(m)], 2))?.(data, 0, 2, 3, sum);
      expect(Array.from(sum)).toEqual([-1, 1, m ? -1 : 1]);
    }
  });

  it('refuses a feature index outside the matrix', () => {
    const t: Tree = { ...packLess(), feature: Int32Array.from([7, -1, -1]) };
    expect(() => compiledSource([t], 2)).toThrow(/feature 7 out of range/);
  });
});

describe('planForest', () => {
  it('gives bit-identical margins compiled, packed and mixed, on random rows with NaN', () => {
    const { x, y } = synthetic(1500, 6, 11, 0.1);
    // Leaf-wise trees (lopsided: 'auto' compiles them) and depth-wise ones (kept packed) in one test.
    for (const params of [{ maxLeafNodes: 15 }, { growth: 'depthwise' as const, maxLeafNodes: null, maxDepth: 4 }]) {
      const { model } = trainGbdt(x, y, { maxIter: 30, minSamplesLeaf: 5, ...params });
      // Fresh random rows, a fifth of the values missing, some exactly on a threshold.
      const test = synthetic(777, 6, 12, 0.2).x;
      test.data[3] = model.trees[0].threshold[0];
      const packed = predictForest(packForest(model.trees), test, model.baseline);
      for (const mode of ['always', 'auto', 'never'] as const) {
        expect(sameBits(predictPlan(planForest(model.trees, 6, mode), test, model.baseline), packed)).toBe(true);
      }
      expect(sameBits(model.margin(test), packed)).toBe(true);
    }
  });

  it('compiles lopsided leaf-wise trees and keeps balanced depth-wise ones packed', () => {
    const { x, y } = synthetic(1500, 6, 11);
    const leafwise = trainGbdt(x, y, { maxIter: 10, maxLeafNodes: 31, minSamplesLeaf: 5 }).model.trees;
    const depthwise = trainGbdt(x, y, { maxIter: 10, growth: 'depthwise', maxLeafNodes: null, maxDepth: 3, minSamplesLeaf: 5 }).model.trees;
    expect(planForest(leafwise, 6).segments.some((s) => s.run !== null)).toBe(true);
    expect(planForest(depthwise, 6).segments.every((s) => s.run === null)).toBe(true);
  });
});

/** A stump with valid arrays, to be overridden field by field. */
function packLess(): Tree {
  return {
    feature: Int32Array.from([0, -1, -1]),
    threshold: Float64Array.from([0, 0, 0]),
    binThreshold: Uint8Array.from([0, 0, 0]),
    missingLeft: Uint8Array.from([0, 0, 0]),
    left: Int32Array.from([1, -1, -1]),
    right: Int32Array.from([2, -1, -1]),
    value: Float64Array.from([0, 1, 2]),
    cover: Float64Array.from([2, 1, 1]),
    gain: Float64Array.from([0, 0, 0]),
  };
}
