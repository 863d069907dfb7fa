import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { expectedValue, treeDepth, type Tree } from '../../../src/learn/gbdt/tree.ts';
import { shapScratch, treeShap } from '../../../src/learn/gbdt/treeshap.ts';
import { synthetic } from './dataset.ts';

/**
 * E[f(x) | x_S] by its definition (Lundberg et al. 2018, Algorithm 1): follow x at splits on
 * features in S, otherwise average the children weighted by cover.
 */
function conditional(t: Tree, row: ArrayLike<number>, inS: (j: number) => boolean, n = 0): number {
  const f = t.feature[n];
  if (f < 0) return t.value[n];
  if (inS(f)) {
    const v = row[f];
    const left = Number.isNaN(v) ? t.missingLeft[n] === 1 : v <= t.threshold[n];
    return conditional(t, row, inS, left ? t.left[n] : t.right[n]);
  }
  const l = t.left[n];
  const r = t.right[n];
  return (t.cover[l] * conditional(t, row, inS, l) + t.cover[r] * conditional(t, row, inS, r)) / t.cover[n];
}

/** Shapley values by enumerating all 2^M subsets: φ_j = Σ_S |S|!(M−|S|−1)!/M! [v(S∪j) − v(S)]. */
function bruteShapley(t: Tree, row: ArrayLike<number>, m: number): number[] {
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array<number>(m).fill(0);
  for (let mask = 0; mask < 1 << m; mask++) {
    const size = popcount(mask);
    const vS = conditional(t, row, (j) => ((mask >> j) & 1) === 1);
    for (let j = 0; j < m; j++) {
      if ((mask >> j) & 1) continue;
      const vSj = conditional(t, row, (k) => k === j || ((mask >> k) & 1) === 1);
      phi[j] += ((fact(size) * fact(m - size - 1)) / fact(m)) * (vSj - vS);
    }
  }
  return phi;
}

function popcount(v: number): number {
  let c = 0;
  for (let x = v; x; x &= x - 1) c++;
  return c;
}

describe('treeShap', () => {
  const { x, y } = synthetic(800, 5, 21, 0.1);
  const { model } = trainGbdt(x, y, { maxIter: 6, maxLeafNodes: 12, minSamplesLeaf: 10 });

  it('agrees with brute-force Shapley values on every tree, for rows with and without missing values', () => {
    for (const t of model.trees) {
      const scratch = shapScratch(treeDepth(t));
      for (let i = 0; i < 25; i++) {
        const row = x.data.subarray(i * 5, i * 5 + 5);
        const phi = new Float64Array(5);
        treeShap(t, x.data, i * 5, phi, 0, scratch);
        const exact = bruteShapley(t, row, 5);
        for (let j = 0; j < 5; j++) expect(phi[j]).toBeCloseTo(exact[j], 12);
      }
    }
  });

  it('agrees with brute force when a feature is split on twice along a path', () => {
    // One feature only: every path repeats it, exercising the UNWIND branch.
    const one = synthetic(400, 1, 22);
    const m1 = trainGbdt(one.x, one.y, { maxIter: 2, maxLeafNodes: 8, minSamplesLeaf: 5 }).model;
    const t = m1.trees[0];
    expect(treeDepth(t)).toBeGreaterThan(1);
    for (let i = 0; i < 10; i++) {
      const phi = new Float64Array(1);
      treeShap(t, one.x.data, i, phi, 0, shapScratch(treeDepth(t)));
      expect(phi[0]).toBeCloseTo(bruteShapley(t, one.x.data.subarray(i, i + 1), 1)[0], 12);
    }
  });

  it('adds up: contributions plus the expected value equal the margin to 1e-9', () => {
    const c = model.contributions(x);
    const margin = model.margin(x);
    for (let i = 0; i < x.rows; i++) {
      let s = c.base;
      for (let j = 0; j < 5; j++) s += c.values[i * 5 + j];
      expect(Math.abs(s - margin[i])).toBeLessThan(1e-9);
    }
  });

  it('uses the cover-weighted mean of the trees as base value', () => {
    expect(model.contributions(x).base).toBeCloseTo(model.trees.reduce((s, t) => s + expectedValue(t), model.baseline), 14);
  });
});
