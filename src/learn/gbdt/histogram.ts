/**
 * Gradient/hessian/count histograms of a tree node, per feature and bin — step two of
 * histogram gradient boosting (LightGBM, Ke et al. 2017 §3; scikit-learn's `histogram.pyx`).
 * Our own implementation.
 *
 * Layout: one Float64Array per node, feature f's bin b at ((f * BIN_SLOTS) + b) * 3, holding
 * [sum of gradients, sum of hessians, row count]. Interleaving the three keeps one bin's sums on
 * one cache line, which is what the accumulation loop touches.
 */
import { BIN_SLOTS, type BinnedMatrix } from './binning.ts';

export const HIST_STRIDE = 3;

/** A zeroed histogram for `cols` features. */
export function newHistogram(cols: number): Float64Array {
  return new Float64Array(cols * BIN_SLOTS * HIST_STRIDE);
}

/**
 * Fills `out` with the histograms of the rows idx[start..end) for the listed features; other
 * features' slots are left as they were (never read).
 * Cost: (end - start) × features.length additions of three numbers. The node's gradients are first
 * gathered into contiguous scratch arrays once (scikit-learn's "ordered gradients"), so the
 * per-feature loop reads them sequentially.
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
  scratchG: Float64Array,
  scratchH: Float64Array,
): void {
  const n = end - start;
  for (let k = 0; k < n; k++) {
    const r = idx[start + k];
    scratchG[k] = grad[r];
    scratchH[k] = hess[r];
  }
  const rows = binned.rows;
  const codes = binned.codes;
  const width = BIN_SLOTS * HIST_STRIDE;
  let q = 0;
  // Four features per pass over the rows: the row index and gradients are loaded once for four
  // histograms, and the four updates are independent, so a run of rows in the same bin (one-hot
  // columns) does not serialise on one memory slot.
  for (; q + 4 <= features.length; q += 4) {
    const f0 = features[q], f1 = features[q + 1], f2 = features[q + 2], f3 = features[q + 3];
    const b0 = f0 * width, b1 = f1 * width, b2 = f2 * width, b3 = f3 * width;
    out.fill(0, b0, b0 + width);
    out.fill(0, b1, b1 + width);
    out.fill(0, b2, b2 + width);
    out.fill(0, b3, b3 + width);
    const c0 = f0 * rows, c1 = f1 * rows, c2 = f2 * rows, c3 = f3 * rows;
    for (let k = 0; k < n; k++) {
      const r = idx[start + k];
      const g = scratchG[k];
      const h = scratchH[k];
      const o0 = b0 + codes[c0 + r] * HIST_STRIDE;
      const o1 = b1 + codes[c1 + r] * HIST_STRIDE;
      const o2 = b2 + codes[c2 + r] * HIST_STRIDE;
      const o3 = b3 + codes[c3 + r] * HIST_STRIDE;
      out[o0] += g;
      out[o0 + 1] += h;
      out[o0 + 2] += 1;
      out[o1] += g;
      out[o1 + 1] += h;
      out[o1 + 2] += 1;
      out[o2] += g;
      out[o2 + 1] += h;
      out[o2 + 2] += 1;
      out[o3] += g;
      out[o3 + 1] += h;
      out[o3 + 2] += 1;
    }
  }
  for (; q < features.length; q++) {
    const f = features[q];
    const base = f * width;
    out.fill(0, base, base + width);
    const col = f * rows;
    for (let k = 0; k < n; k++) {
      const o = base + codes[col + idx[start + k]] * HIST_STRIDE;
      out[o] += scratchG[k];
      out[o + 1] += scratchH[k];
      out[o + 2] += 1;
    }
  }
}

/**
 * The subtraction trick (LightGBM): a child's histogram is its parent's minus its sibling's, so
 * only the smaller child is ever accumulated from rows. Writes parent − sibling into `out`.
 * Cost: features × 256 × 3, independent of the number of rows.
 */
export function subtractHistogram(parent: Float64Array, sibling: Float64Array, features: Int32Array, out: Float64Array): void {
  for (let q = 0; q < features.length; q++) {
    const base = features[q] * BIN_SLOTS * HIST_STRIDE;
    const stop = base + BIN_SLOTS * HIST_STRIDE;
    for (let o = base; o < stop; o++) out[o] = parent[o] - sibling[o];
  }
}
