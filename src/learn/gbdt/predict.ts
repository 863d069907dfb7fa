/**
 * Prediction: a model's trees packed into flat arrays and walked by blocks of rows, or compiled to
 * JavaScript (compile.ts) where that is faster; `marginKernel` runs the same on the worker pool.
 */
import { kernel } from '../../parallel/kernel.ts';
import type { Matrix } from '../matrix.ts';
import { MISSING_BIN, type BinnedMatrix } from './binning.ts';
import { compileSource, compiledSource, type CompiledTrees } from './compile.ts';
import type { RowJob } from './row-jobs.ts';
import { nodeDepths, treeDepth, type Tree } from './tree.ts';

export interface PackedForest {
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

/**
 * out[i] = base + Σ_trees value of the leaf row i reaches: x <= threshold goes left, x > threshold
 * right, NaN to the learned missing child. Cost: rows × Σ_trees depth node steps.
 */
export function predictForest(f: PackedForest, x: Matrix, base: number, out = new Float64Array(x.rows)): Float64Array {
  return predictPlan({ packed: f, segments: [{ from: 0, to: f.roots.length, run: null, source: null }] }, x, base, out);
}

/**
 * Adds trees [from, to) to sum[0..count) for the rows from i0. Four rows descend together, so their
 * chains of dependent loads overlap, and the child is picked by indexing with the comparison (no
 * branch to mispredict). Leaves point to themselves: every row takes the tree's depth in steps.
 */
export function walkPacked(f: PackedForest, from: number, to: number, x: Matrix, i0: number, count: number, sum: Float64Array): void {
  const { roots, depths, feature, threshold, children, missingRight, value } = f;
  const d = x.data;
  const cols = x.cols;
  for (let t = from; t < to; t++) {
    const root = roots[t];
    const depth = depths[t];
    let r = 0;
    for (; r + 4 <= count; r += 4) {
      const o0 = (i0 + r) * cols;
      const o1 = o0 + cols;
      const o2 = o1 + cols;
      const o3 = o2 + cols;
      let n0 = root, n1 = root, n2 = root, n3 = root;
      for (let level = depth; level > 0; level--) {
        const v0 = d[o0 + feature[n0]];
        const v1 = d[o1 + feature[n1]];
        const v2 = d[o2 + feature[n2]];
        const v3 = d[o3 + feature[n3]];
        // v > t is false for NaN, so a missing value adds missingRight instead: arithmetic, no branch.
        n0 = children[2 * n0 + +(v0 > threshold[n0]) + +(v0 !== v0) * missingRight[n0]];
        n1 = children[2 * n1 + +(v1 > threshold[n1]) + +(v1 !== v1) * missingRight[n1]];
        n2 = children[2 * n2 + +(v2 > threshold[n2]) + +(v2 !== v2) * missingRight[n2]];
        n3 = children[2 * n3 + +(v3 > threshold[n3]) + +(v3 !== v3) * missingRight[n3]];
      }
      sum[r] += value[n0];
      sum[r + 1] += value[n1];
      sum[r + 2] += value[n2];
      sum[r + 3] += value[n3];
    }
    for (; r < count; r++) {
      const o = (i0 + r) * cols;
      let n = root;
      for (let level = depth; level > 0; level--) {
        const v = d[o + feature[n]];
        n = children[2 * n + +(v > threshold[n]) + +(v !== v) * missingRight[n]];
      }
      sum[r] += value[n];
    }
  }
}

/** Trees [from, to) of a forest, run by compiled code (`run`) or walked packed (`run` null). */
export interface ForestSegment {
  readonly from: number;
  readonly to: number;
  readonly run: CompiledTrees | null;
  /** The text `run` was compiled from, for worker threads to compile again. */
  readonly source: string | null;
}

/** A forest ready to predict: its packed form and, in tree order, how each run of trees is evaluated. */
export interface ForestPlan {
  readonly packed: PackedForest;
  readonly segments: readonly ForestSegment[];
}

// Compiled groups stay small enough for V8 to optimise (docs/gbdt.md).
const GROUP_TREES = 8;
const GROUP_NODES = 2048;
// A tree past these is walked packed: its source would be too big, or too deep to generate by recursion.
const COMPILE_MAX_NODES = 4096;
const COMPILE_MAX_DEPTH = 64;
// Above this many nodes compile time and code size would outweigh the speed-up.
const COMPILE_MAX_FOREST = 500_000;

/**
 * Decides, tree by tree, between the packed walk and compiled code. A balanced tree runs faster
 * packed, a lopsided one compiled, since a compiled row stops at its own leaf (docs/gbdt.md): 'auto'
 * compiles a tree whose depth exceeds its rows' mean leaf depth by more than one level.
 */
export function planForest(trees: readonly Tree[], cols: number, compile: 'auto' | 'never' | 'always' = 'auto'): ForestPlan {
  const packed = packForest(trees);
  const total = packed.feature.length;
  const wants = trees.map((t, k) => {
    if (compile === 'never' || total > COMPILE_MAX_FOREST) return false;
    if (t.feature.length > COMPILE_MAX_NODES || packed.depths[k] > COMPILE_MAX_DEPTH) return false;
    return compile === 'always' || packed.depths[k] > meanLeafDepth(t) + 1;
  });
  const segments: ForestSegment[] = [];
  let k = 0;
  while (k < trees.length) {
    let end = k + 1;
    if (wants[k]) {
      let nodes = trees[k].feature.length;
      while (end < trees.length && wants[end] && end - k < GROUP_TREES && nodes + trees[end].feature.length <= GROUP_NODES) nodes += trees[end++].feature.length;
      const source = compiledSource(trees.slice(k, end), cols);
      const run = compileSource(source);
      if (run === null) return { packed, segments: [{ from: 0, to: trees.length, run: null, source: null }] };
      segments.push({ from: k, to: end, run, source });
    } else {
      while (end < trees.length && !wants[end]) end++;
      segments.push({ from: k, to: end, run: null, source: null });
    }
    k = end;
  }
  return { packed, segments };
}

/** Depth of the leaves weighted by the training rows that reached them. */
function meanLeafDepth(t: Tree): number {
  const depth = nodeDepths(t);
  let s = 0;
  for (let n = 0; n < depth.length; n++) if (t.feature[n] < 0) s += depth[n] * t.cover[n];
  return t.cover[0] > 0 ? s / t.cover[0] : 0;
}

/**
 * Margins of every row: base plus each tree's output, added in tree order whatever evaluates the
 * tree, so the result is bit-for-bit that of the packed walk alone.
 */
export function predictPlan(plan: ForestPlan, x: Matrix, base: number, out: Float64Array = new Float64Array(x.rows)): Float64Array {
  predictRows(plan, x, base, 0, x.rows, out, 0);
  return out;
}

/** predictPlan on rows [first, end) of x, into out[at..]; a row's margin does not depend on its range. */
export function predictRows(plan: ForestPlan, x: Matrix, base: number, first: number, end: number, out: Float64Array, at: number): void {
  // Rows go through the trees 64 at a time: the block's running sums stay in cache.
  const block = 64;
  const sum = new Float64Array(block);
  for (let i0 = first; i0 < end; i0 += block) {
    const b = Math.min(block, end - i0);
    sum.fill(base);
    for (const s of plan.segments) {
      if (s.run) s.run(x.data, i0 * x.cols, x.cols, b, sum);
      else walkPacked(plan.packed, s.from, s.to, x, i0, b, sum);
    }
    out.set(sum.subarray(0, b), at + i0 - first);
  }
}

/** A forest plan as the worker pool shares it: functions do not cross threads, their sources do. */
export interface SharedForest {
  readonly packed: PackedForest;
  readonly segments: readonly { readonly from: number; readonly to: number; readonly source: string | null }[];
  readonly base: number;
}

export function sharedForest(plan: ForestPlan, base: number): SharedForest {
  return { packed: plan.packed, segments: plan.segments.map(({ from, to, source }) => ({ from, to, source })), base };
}

/** The plan compiled again in this thread (a segment that cannot be is walked packed: the same margins). */
function compiledForest(forest: SharedForest): ForestPlan {
  return { packed: forest.packed, segments: forest.segments.map((s) => ({ ...s, run: s.source === null ? null : compileSource(s.source) })) };
}

/** Chunk c: the margins of rows [c · chunkRows, (c + 1) · chunkRows) of a job over a SharedForest. */
export const marginKernel = kernel<RowJob>(import.meta.url, 'marginKernel', (a, chunk, context) => {
  const forest = context.resource<SharedForest>(a.model);
  const plan = context.derived(a.model, () => compiledForest(forest));
  const first = chunk * a.chunkRows;
  const end = Math.min(a.rows, first + a.chunkRows);
  predictRows(plan, { rows: a.rows, cols: a.cols, data: a.input }, forest.base, first, end, a.output, first);
});

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
