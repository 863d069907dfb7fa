/**
 * Grows one regression tree on gradients and hessians from binned data, leaf-wise (best-first, as
 * LightGBM and scikit-learn: largest gain until `maxLeaves`) or depth-wise (XGBoost: shallowest first).
 * A node's rows are a contiguous range of one index array, partitioned in place at each split.
 */
import { designData } from '../matrix.ts';
import { MISSING_BIN, type BinnedMatrix } from './binning.ts';
import { buildHistogram, newHistogram, subtractHistogram, type HistogramThreads } from './histogram.ts';
import { findBestSplit, leafValue, type Split, type SplitRules } from './split.ts';
import type { Tree } from './tree.ts';

export interface GrowOptions {
  readonly rules: SplitRules;
  readonly growth: 'leafwise' | 'depthwise';
  /** Null: no cap. */
  readonly maxLeaves: number | null;
  /** Root = 0; null: no cap. */
  readonly maxDepth: number | null;
  readonly learningRate: number;
}

export interface GrowInput {
  readonly binned: BinnedMatrix;
  readonly edges: readonly Float64Array[];
  readonly valueBins: Int32Array;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** The rows this tree learns from (all, or a subsample); partitioned in place. */
  readonly idx: Uint32Array;
  readonly features: Int32Array;
}

/** Rows idx[start..end) ended in leaf `node` (for updating the training margins). */
export interface LeafRange {
  readonly node: number;
  readonly start: number;
  readonly end: number;
}

/** Reusable buffers for growing many trees on the same data. */
export interface GrowScratch {
  /** A node's gathered gradients and hessians, interleaved. */
  readonly gh: Float64Array;
  readonly partition: Uint32Array;
  /** Histograms of finished nodes, for reuse. */
  readonly pool: Float64Array[];
  /** The features of the tree being grown (its copy in shared memory when threads take part). */
  readonly features: Int32Array;
  readonly parallel: HistogramThreads | null;
}

/** Buffers for trees over `rows` rows; with `parallel`, in shared memory (the caller's idx must be too). */
export function growScratch(rows: number, cols: number, parallel: HistogramThreads | null = null): GrowScratch {
  const shared = parallel !== null;
  const gh = designData(2 * rows, shared);
  const features = new Int32Array(shared ? new SharedArrayBuffer(4 * cols) : new ArrayBuffer(4 * cols));
  return { gh, partition: new Uint32Array(rows), pool: [], features, parallel };
}

interface Pending {
  id: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  n: number;
  lower: number;
  upper: number;
  hist: Float64Array | null;
  split: Split | null;
}

export function growTree(input: GrowInput, opts: GrowOptions, scratch: GrowScratch): { tree: Tree; leaves: LeafRange[] } {
  const { binned, grad, hess, idx, valueBins } = input;
  scratch.features.set(input.features);
  const features = scratch.features.subarray(0, input.features.length);
  const parallel = scratch.parallel;
  const { rules, learningRate } = opts;
  const maxLeaves = opts.maxLeaves ?? Number.POSITIVE_INFINITY;
  const maxDepth = opts.maxDepth ?? Number.POSITIVE_INFINITY;
  const cols = binned.cols;
  const take = (): Float64Array => scratch.pool.pop() ?? newHistogram(cols, parallel !== null);
  const give = (h: Float64Array | null): void => {
    if (h) scratch.pool.push(h);
  };

  const feature: number[] = [];
  const threshold: number[] = [];
  const binThreshold: number[] = [];
  const missingLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  const gain: number[] = [];
  const addNode = (n: number): number => {
    feature.push(-1);
    threshold.push(0);
    binThreshold.push(0);
    missingLeft.push(0);
    left.push(-1);
    right.push(-1);
    value.push(0);
    cover.push(n);
    gain.push(0);
    return feature.length - 1;
  };
  const leaves: LeafRange[] = [];
  const makeLeaf = (p: Pending): void => {
    value[p.id] = learningRate * leafValue(p.g, p.h, rules.l2, p.lower, p.upper);
    leaves.push({ node: p.id, start: p.start, end: p.end });
    give(p.hist);
    p.hist = null;
  };
  const canSplit = (p: Pending): boolean => p.depth < maxDepth && p.n >= 2 * rules.minSamplesLeaf;
  const findSplit = (p: Pending): void => {
    p.split = findBestSplit(p.hist as Float64Array, features, valueBins, p, rules, p.lower, p.upper);
  };
  const pending = (start: number, end: number, depth: number, g: number, h: number, lower: number, upper: number): Pending => ({
    id: addNode(end - start), start, end, depth, g, h, n: end - start, lower, upper, hist: null, split: null,
  });

  let G = 0;
  let H = 0;
  for (let k = 0; k < idx.length; k++) {
    G += grad[idx[k]];
    H += hess[idx[k]];
  }
  const root = pending(0, idx.length, 0, G, H, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const open: Pending[] = [];
  if (canSplit(root) && maxLeaves > 1) {
    root.hist = take();
    buildHistogram(binned, grad, hess, idx, 0, idx.length, features, root.hist, scratch.gh, parallel);
    findSplit(root);
  }
  if (root.split) open.push(root);
  else makeLeaf(root);
  let nLeaves = 1;

  while (open.length > 0) {
    // Pick the next node: largest gain (leaf-wise) or shallowest, oldest (depth-wise).
    let pick = 0;
    for (let q = 1; q < open.length; q++) {
      const a = open[q];
      const b = open[pick];
      const better = opts.growth === 'leafwise' ? (a.split as Split).gain > (b.split as Split).gain : a.depth < b.depth || (a.depth === b.depth && a.id < b.id);
      if (better) pick = q;
    }
    const p = open.splice(pick, 1)[0];
    if (nLeaves >= maxLeaves) {
      makeLeaf(p);
      continue;
    }
    const s = p.split as Split;
    const nLeft = partitionRows(binned, idx, p.start, p.end, s.feature, s.bin, s.missingLeft, scratch.partition);
    const e = input.edges[s.feature];
    feature[p.id] = s.feature;
    binThreshold[p.id] = s.bin;
    threshold[p.id] = s.bin < e.length ? e[s.bin] : Number.POSITIVE_INFINITY;
    missingLeft[p.id] = s.missingLeft ? 1 : 0;
    gain[p.id] = s.gain;
    nLeaves += 1;

    // Monotone bounds: the children of a constrained split are kept on their side of the midpoint
    // of their values, so no later split below can reverse the order (scikit-learn's scheme).
    let lowL = p.lower, upL = p.upper, lowR = p.lower, upR = p.upper;
    const c = rules.monotone[s.feature];
    if (c !== 0) {
      const mid = (s.valueLeft + s.valueRight) / 2;
      if (c > 0) {
        upL = mid;
        lowR = mid;
      } else {
        lowL = mid;
        upR = mid;
      }
    }
    const L = pending(p.start, p.start + nLeft, p.depth + 1, s.left.g, s.left.h, lowL, upL);
    const R = pending(p.start + nLeft, p.end, p.depth + 1, s.right.g, s.right.h, lowR, upR);
    left[p.id] = L.id;
    right[p.id] = R.id;

    const needL = canSplit(L) && nLeaves < maxLeaves;
    const needR = canSplit(R) && nLeaves < maxLeaves;
    if (needL || needR) {
      const [small, large] = L.n <= R.n ? [L, R] : [R, L];
      small.hist = take();
      buildHistogram(binned, grad, hess, idx, small.start, small.end, features, small.hist, scratch.gh, parallel);
      if (large === L ? needL : needR) {
        // Reuse the parent's buffer for the larger child: parent − small, in place.
        large.hist = p.hist;
        p.hist = null;
        subtractHistogram(large.hist as Float64Array, small.hist, features, large.hist as Float64Array);
      }
    }
    give(p.hist);
    p.hist = null;
    for (const child of [L, R]) {
      if (child.hist && (child === L ? needL : needR)) findSplit(child);
      if (child.split) open.push(child);
      else makeLeaf(child);
    }
  }

  const tree: Tree = {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    binThreshold: Uint8Array.from(binThreshold),
    missingLeft: Uint8Array.from(missingLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
    cover: Float64Array.from(cover),
    gain: Float64Array.from(gain),
  };
  return { tree, leaves };
}

/** Stable in-place partition of idx[start..end) by the split, left rows first; returns their number. */
function partitionRows(
  binned: BinnedMatrix,
  idx: Uint32Array,
  start: number,
  end: number,
  feature: number,
  bin: number,
  missingLeft: boolean,
  buffer: Uint32Array,
): number {
  const col = feature * binned.rows;
  const codes = binned.codes;
  const missing = missingLeft ? 1 : 0;
  let w = start;
  let r = 0;
  // Branch-free (the direction is a coin flip for the branch predictor): every row is written to both
  // sides and only its own side advances. Writing idx[w] is safe as w <= k.
  for (let k = start; k < end; k++) {
    const row = idx[k];
    const code = codes[col + row];
    const goLeft = +(code <= bin) | (+(code === MISSING_BIN) & missing);
    idx[w] = row;
    buffer[r] = row;
    w += goLeft;
    r += 1 - goLeft;
  }
  idx.set(buffer.subarray(0, r), w);
  return w - start;
}
