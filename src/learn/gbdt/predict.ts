/**
 * Fast prediction: the trees of a model packed into one set of flat arrays. Our own
 * implementation.
 *
 * A row's walk down a tree is a chain of dependent loads with a hard-to-predict branch at every
 * level, so walking one row at a time leaves the CPU waiting. Instead a block of rows descends
 * each tree level by level together: the rows of one level are independent, so their loads
 * overlap, and the child is picked by indexing with the comparison (no branch). Leaves point to
 * themselves, so every row can take exactly the tree's depth steps.
 */
import type { Matrix } from '../matrix.ts';
import { MISSING_BIN, type BinnedMatrix } from './binning.ts';
import { treeDepth, type Tree } from './tree.ts';

export interface PackedForest {
  /** Node id of each tree's root in the packed arrays. */
  readonly roots: Int32Array;
  /** Depth of each tree: the number of steps from its root to its deepest leaf. */
  readonly depths: Int32Array;
  /** Split feature (0 at leaves, whose children are themselves). */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** children[2n] is the left child of n, children[2n + 1] the right one. */
  readonly children: Int32Array;
  /** 1 when a missing value takes the right child (leaves: 0). */
  readonly missingRight: Int32Array;
  readonly value: Float64Array;
}

export function packForest(trees: readonly Tree[]): PackedForest {
  let total = 0;
  for (const t of trees) total += t.feature.length;
  const roots = new Int32Array(trees.length);
  const depths = new Int32Array(trees.length);
  const feature = new Int32Array(total);
  const threshold = new Float64Array(total);
  const children = new Int32Array(2 * total);
  const missingRight = new Int32Array(total);
  const value = new Float64Array(total);
  let off = 0;
  trees.forEach((t, k) => {
    roots[k] = off;
    depths[k] = treeDepth(t);
    for (let n = 0; n < t.feature.length; n++) {
      const o = off + n;
      const leaf = t.feature[n] < 0;
      feature[o] = leaf ? 0 : t.feature[n];
      threshold[o] = t.threshold[n];
      children[2 * o] = leaf ? o : off + t.left[n];
      children[2 * o + 1] = leaf ? o : off + t.right[n];
      missingRight[o] = leaf || t.missingLeft[n] ? 0 : 1;
      value[o] = t.value[n];
    }
    off += t.feature.length;
  });
  return { roots, depths, feature, threshold, children, missingRight, value };
}

const BLOCK = 128;

/**
 * out[i] = base + Σ_trees value of the leaf row i reaches: x <= threshold goes left, x > threshold
 * right, NaN (neither) to the learned missing child.
 * Cost: rows × Σ_trees depth node steps.
 */
export function predictForest(f: PackedForest, x: Matrix, base: number, out = new Float64Array(x.rows)): Float64Array {
  const { roots, depths, feature, threshold, children, missingRight, value } = f;
  const data = x.data;
  const cols = x.cols;
  const node = new Int32Array(BLOCK);
  const rowOff = new Int32Array(BLOCK);
  const sum = new Float64Array(BLOCK);
  for (let i0 = 0; i0 < x.rows; i0 += BLOCK) {
    const b = Math.min(BLOCK, x.rows - i0);
    for (let r = 0; r < b; r++) {
      rowOff[r] = (i0 + r) * cols;
      sum[r] = base;
    }
    for (let t = 0; t < roots.length; t++) {
      node.fill(roots[t], 0, b);
      for (let level = depths[t]; level > 0; level--) {
        for (let r = 0; r < b; r++) {
          const n = node[r];
          const v = data[rowOff[r] + feature[n]];
          // v > t is false for NaN, so a missing value adds missingRight instead: arithmetic, no branch.
          node[r] = children[2 * n + +(v > threshold[n]) + +(v !== v) * missingRight[n]];
        }
      }
      for (let r = 0; r < b; r++) sum[r] += value[node[r]];
    }
    out.set(sum.subarray(0, b), i0);
  }
  return out;
}

/** Adds one tree's output on binned rows to `out` (training and validation margins). */
export function addTreeBinned(t: Tree, binned: BinnedMatrix, out: Float64Array): void {
  const { feature, binThreshold, left, right, missingLeft, value } = t;
  const codes = binned.codes;
  const rows = binned.rows;
  for (let i = 0; i < rows; i++) {
    let n = 0;
    let j = feature[0];
    while (j >= 0) {
      const code = codes[j * rows + i];
      const goLeft = code === MISSING_BIN ? missingLeft[n] === 1 : code <= binThreshold[n];
      n = goLeft ? left[n] : right[n];
      j = feature[n];
    }
    out[i] += value[n];
  }
}
