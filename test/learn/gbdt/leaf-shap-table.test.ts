import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { leafShapTable, tableShap } from '../../../src/learn/gbdt/leaf-shap-table.ts';
import { treeDepth, type Tree } from '../../../src/learn/gbdt/tree.ts';
import { shapScratch, treeShap } from '../../../src/learn/gbdt/treeshap.ts';
import { synthetic } from './dataset.ts';

/** Both algorithms on every row of x for one tree: the largest absolute difference. */
function gap(t: Tree, data: Float64Array, rows: number, cols: number): number {
  const table = leafShapTable(t);
  expect(table).not.toBeNull();
  const scratch = shapScratch(treeDepth(t));
  const patterns = new Int32Array(t.feature.length);
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    const a = new Float64Array(cols);
    const b = new Float64Array(cols);
    treeShap(t, data, i * cols, a, 0, scratch);
    tableShap(t, table!, data, i * cols, b, 0, patterns);
    for (let j = 0; j < cols; j++) worst = Math.max(worst, Math.abs(a[j] - b[j]));
  }
  return worst;
}

describe('leafShapTable / tableShap', () => {
  it('gives Algorithm 2’s values to rounding, with missing values among the rows', () => {
    const { x, y } = synthetic(1500, 6, 31, 0.1);
    const { model } = trainGbdt(x, y, { maxIter: 12, maxLeafNodes: 31, minSamplesLeaf: 5 });
    for (const t of model.trees) expect(gap(t, x.data, x.rows, 6)).toBeLessThan(1e-13);
  });

  it('handles a feature split on again along a path', () => {
    const one = synthetic(400, 1, 22);
    const t = trainGbdt(one.x, one.y, { maxIter: 2, maxLeafNodes: 8, minSamplesLeaf: 5 }).model.trees[0];
    expect(treeDepth(t)).toBeGreaterThan(1);
    expect(gap(t, one.x.data, one.x.rows, 1)).toBeLessThan(1e-13);
  });

  it('declines a tree whose path holds more distinct features than it tabulates', () => {
    // A chain of 13 splits on 13 features: the deepest leaf's table would have 2^13 rows.
    const n = 13;
    const nodes = 2 * n + 1;
    const feature = new Int32Array(nodes).fill(-1);
    const left = new Int32Array(nodes).fill(-1);
    const right = new Int32Array(nodes).fill(-1);
    for (let k = 0; k < n; k++) {
      feature[2 * k] = k;
      left[2 * k] = 2 * k + 2;
      right[2 * k] = 2 * k + 1;
    }
    const tree: Tree = {
      feature,
      threshold: new Float64Array(nodes),
      binThreshold: new Uint8Array(nodes),
      missingLeft: new Uint8Array(nodes),
      left,
      right,
      value: new Float64Array(nodes).fill(0.1),
      cover: Float64Array.from({ length: nodes }, (_, i) => 2 ** (n - Math.floor(i / 2))),
      gain: new Float64Array(nodes),
    };
    expect(leafShapTable(tree)).toBeNull();
  });
});
