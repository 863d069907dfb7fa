/**
 * Gradient/hessian/count histograms of a tree node, per feature and bin (LightGBM, Ke et al. 2017 §3;
 * scikit-learn's `histogram.pyx`). Each feature is summed by one thread in row order, so the trees are
 * the same bits with any thread count. Feature f's bin b is at ((f * BIN_SLOTS) + b) * 3, holding
 * [Σ gradients, Σ hessians, rows] interleaved: one bin's sums on one cache line.
 */
import { kernel } from '../../parallel/kernel.ts';
import { workerPool } from '../../parallel/pool.ts';
import { designData } from '../matrix.ts';
import { BIN_SLOTS, type BinnedMatrix } from './binning.ts';

export const HIST_STRIDE = 3;
/** Numbers in one feature's histogram. */
const WIDTH = BIN_SLOTS * HIST_STRIDE;
/** Features summed per pass over a node's rows (the unroll of the accumulation loop). */
const GROUP = 8;
// Below this many row × feature updates a node is summed on the calling thread: handing it to
// the pool would cost about what it saves.
const MIN_PARALLEL_UPDATES = 1 << 16;

/** A zeroed histogram for `cols` features; in shared memory when worker threads write into it. */
export function newHistogram(cols: number, shared = false): Float64Array {
  return designData(cols * WIDTH, shared);
}

/**
 * How one fit builds its histograms on several threads. The grower's row indices, gathered
 * gradients, feature list and histograms must then live in shared memory too.
 */
export interface HistogramThreads {
  readonly threads: number;
  /** Pool resource holding the fit's BinnedMatrix. */
  readonly binned: number;
}

/**
 * Fills the listed features' slots of `out` with the histograms of rows idx[start..end). The node's
 * gradients are first gathered into `gh` (g, h, g, h, …; scikit-learn's "ordered gradients"), so
 * the per-feature loop reads them in order. Cost: rows × features additions of three numbers.
 */
export function buildHistogram(
  binned: BinnedMatrix,
  grad: Float64Array,
  hess: Float64Array,
  idx: Uint32Array,
  start: number,
  end: number,
  features: Int32Array,
  out: Float64Array,
  gh: Float64Array,
  parallel: HistogramThreads | null = null,
): void {
  const n = end - start;
  for (let k = 0; k < n; k++) {
    const r = idx[start + k];
    gh[2 * k] = grad[r];
    gh[2 * k + 1] = hess[r];
  }
  const nf = features.length;
  if (parallel === null || parallel.threads < 2 || n * nf < MIN_PARALLEL_UPDATES) {
    accumulateHistogram(binned.codes, binned.rows, gh, idx, start, n, features, 0, nf, out);
    return;
  }
  const shares = Math.min(parallel.threads, Math.ceil(nf / 4));
  workerPool().run(histogramKernel, { binned: parallel.binned, gh, idx, start, n, features, shares, out }, shares, parallel.threads);
}

export interface HistogramArgs {
  /** Pool resource: the fit's BinnedMatrix. */
  readonly binned: number;
  readonly gh: Float64Array;
  readonly idx: Uint32Array;
  readonly start: number;
  readonly n: number;
  readonly features: Int32Array;
  /** Chunks: contiguous shares of the features. */
  readonly shares: number;
  readonly out: Float64Array;
}

/** Start of share `part` of `parts` over nf features, on a multiple of 4 (the loop's smaller unroll). */
function shareStart(nf: number, part: number, parts: number): number {
  return part >= parts ? nf : Math.min(nf, 4 * Math.round((part * nf) / parts / 4));
}

/** Chunk c: the histograms of share c of the node's features, written into their slots of `out`. */
export const histogramKernel = kernel<HistogramArgs>(import.meta.url, 'histogramKernel', (a, chunk, context) => {
  const binned = context.resource<BinnedMatrix>(a.binned);
  const nf = a.features.length;
  accumulateHistogram(binned.codes, binned.rows, a.gh, a.idx, a.start, a.n, a.features, shareStart(nf, chunk, a.shares), shareStart(nf, chunk + 1, a.shares), a.out);
});

/** This thread's sums of one group of features, stored into the histogram once complete. */
const groupSums = new Float64Array(GROUP * WIDTH);

/**
 * Sums the histograms of features[q0..q1) over rows idx[start..start+n) into their slots of `out`.
 * Each group is summed in this thread's own buffer and stored whole, so a share computed twice (the
 * pool redoes a stalled worker's) writes the same bits and never adds to a slot another thread writes.
 */
export function accumulateHistogram(
  codes: Uint8Array,
  rows: number,
  gh: Float64Array,
  idx: Uint32Array,
  start: number,
  n: number,
  features: Int32Array,
  q0: number,
  q1: number,
  out: Float64Array,
): void {
  const width = WIDTH;
  const acc = groupSums;
  let q = q0;
  // Eight, then four features per pass (docs/gbdt.md): a row's index and gradients are loaded once for
  // several histograms, whose independent updates keep runs of one bin (one-hot) from serialising.
  for (; q + 8 <= q1; q += 8) {
    const c0 = features[q] * rows, c1 = features[q + 1] * rows, c2 = features[q + 2] * rows, c3 = features[q + 3] * rows;
    const c4 = features[q + 4] * rows, c5 = features[q + 5] * rows, c6 = features[q + 6] * rows, c7 = features[q + 7] * rows;
    const b1 = width, b2 = 2 * width, b3 = 3 * width, b4 = 4 * width, b5 = 5 * width, b6 = 6 * width, b7 = 7 * width;
    acc.fill(0, 0, 8 * width);
    for (let k = 0; k < n; k++) {
      const r = idx[start + k];
      const g = gh[2 * k];
      const h = gh[2 * k + 1];
      let o = codes[c0 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b1 + codes[c1 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b2 + codes[c2 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b3 + codes[c3 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b4 + codes[c4 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b5 + codes[c5 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b6 + codes[c6 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
      o = b7 + codes[c7 + r] * 3;
      acc[o] += g;
      acc[o + 1] += h;
      acc[o + 2] += 1;
    }
    storeGroup(acc, features, q, 8, out);
  }
  for (; q + 4 <= q1; q += 4) {
    const c0 = features[q] * rows, c1 = features[q + 1] * rows, c2 = features[q + 2] * rows, c3 = features[q + 3] * rows;
    const b1 = width, b2 = 2 * width, b3 = 3 * width;
    acc.fill(0, 0, 4 * width);
    for (let k = 0; k < n; k++) {
      const r = idx[start + k];
      const g = gh[2 * k];
      const h = gh[2 * k + 1];
      const o0 = codes[c0 + r] * 3;
      const o1 = b1 + codes[c1 + r] * 3;
      const o2 = b2 + codes[c2 + r] * 3;
      const o3 = b3 + codes[c3 + r] * 3;
      acc[o0] += g;
      acc[o0 + 1] += h;
      acc[o0 + 2] += 1;
      acc[o1] += g;
      acc[o1 + 1] += h;
      acc[o1 + 2] += 1;
      acc[o2] += g;
      acc[o2 + 1] += h;
      acc[o2 + 2] += 1;
      acc[o3] += g;
      acc[o3 + 1] += h;
      acc[o3 + 2] += 1;
    }
    storeGroup(acc, features, q, 4, out);
  }
  for (; q < q1; q++) {
    const col = features[q] * rows;
    acc.fill(0, 0, width);
    for (let k = 0; k < n; k++) {
      const o = codes[col + idx[start + k]] * 3;
      acc[o] += gh[2 * k];
      acc[o + 1] += gh[2 * k + 1];
      acc[o + 2] += 1;
    }
    storeGroup(acc, features, q, 1, out);
  }
}

/** Stores the sums of features[q..q+count) from `acc` into their slots of `out`. */
function storeGroup(acc: Float64Array, features: Int32Array, q: number, count: number, out: Float64Array): void {
  for (let k = 0; k < count; k++) out.set(acc.subarray(k * WIDTH, (k + 1) * WIDTH), features[q + k] * WIDTH);
}

/**
 * The subtraction trick (LightGBM): a child's histogram is its parent's minus its sibling's, so only
 * the smaller child is accumulated from rows. Cost: features × 256 × 3, whatever the rows.
 */
export function subtractHistogram(parent: Float64Array, sibling: Float64Array, features: Int32Array, out: Float64Array): void {
  for (let q = 0; q < features.length; q++) {
    const base = features[q] * WIDTH;
    const stop = base + WIDTH;
    for (let o = base; o < stop; o++) out[o] = parent[o] - sibling[o];
  }
}
