/**
 * Quantile binning of a feature matrix into at most 255 bins per feature, plus one bin for
 * missing values — step one of histogram gradient boosting (Ke et al. 2017, LightGBM §3;
 * scikit-learn's `_hist_gradient_boosting/binning.py` does the same job). Our own code: no
 * well-kept gradient-boosting trainer exists for JavaScript.
 *
 * Split candidates are then only the bin edges, so a node's best split is found from a
 * 256-slot histogram instead of a sort of its rows.
 */
import type { Matrix } from '../matrix.ts';

/** The code every missing value (NaN) gets, whatever the feature: its own bin, after the others. */
export const MISSING_BIN = 255;
/** Slots in one feature's histogram: up to 255 value bins and the missing bin. */
export const BIN_SLOTS = 256;

export interface BinMapper {
  /**
   * Per feature, the ascending upper edges: a value v falls in bin b, the first b with v <= edges[b],
   * or in bin edges.length when it is above them all. So a feature with k edges has k + 1 value bins.
   */
  readonly edges: readonly Float64Array[];
}

/** Column-major bin codes: code of row i, feature j is codes[j * rows + i]. */
export interface BinnedMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly codes: Uint8Array;
}

/**
 * Fits the bin edges of every feature on (a sample of) the training rows.
 * With at most maxBins distinct values, the edges are the midpoints between neighbours (every
 * value its own bin); otherwise they are the midpoint-interpolated quantiles at k / maxBins,
 * deduplicated, so each bin holds about the same number of rows.
 * @param sampleRows fit on this many rows at most (evenly spaced, deterministic), as scikit-learn
 *   fits on a 200,000-row subsample: the quantiles barely move and fitting stays cheap.
 */
export function fitBins(x: Matrix, maxBins = 255, sampleRows = 200_000): BinMapper {
  if (!(maxBins >= 2 && maxBins <= 255)) throw new Error(`fitBins: maxBins must be in [2, 255], got ${maxBins}`);
  const step = x.rows > sampleRows ? x.rows / sampleRows : 1;
  const taken = Math.min(x.rows, sampleRows);
  // Transpose the sampled rows in one forward pass over the row-major data (a pass per feature
  // would read every cache line of x once per feature).
  const columns = new Float64Array(taken * x.cols);
  const known = new Int32Array(x.cols);
  for (let k = 0; k < taken; k++) {
    const o = Math.floor(k * step) * x.cols;
    for (let j = 0; j < x.cols; j++) {
      const v = x.data[o + j];
      if (v === v) columns[j * taken + known[j]++] = v;
    }
  }
  const edges: Float64Array[] = [];
  for (let j = 0; j < x.cols; j++) edges.push(featureEdges(columns.subarray(j * taken, j * taken + known[j]).sort(), maxBins));
  return { edges };
}

/** Edges for one feature from its sorted non-missing values. */
function featureEdges(sorted: Float64Array, maxBins: number): Float64Array {
  let distinct = 0;
  for (let k = 0; k < sorted.length && distinct <= maxBins; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  if (distinct <= maxBins) {
    const out = new Float64Array(Math.max(0, distinct - 1));
    let e = 0;
    for (let k = 1; k < sorted.length; k++) if (sorted[k] !== sorted[k - 1]) out[e++] = (sorted[k - 1] + sorted[k]) / 2;
    return out;
  }
  const out: number[] = [];
  const n = sorted.length;
  for (let b = 1; b < maxBins; b++) {
    // Midpoint interpolation between the two order statistics around the quantile, as numpy's
    // percentile(method="midpoint") that scikit-learn uses.
    const pos = (b / maxBins) * (n - 1);
    const q = (sorted[Math.floor(pos)] + sorted[Math.ceil(pos)]) / 2;
    // A quantile equal to the largest value would leave an empty top bin.
    if (q < sorted[n - 1] && (out.length === 0 || q > out[out.length - 1])) out.push(q);
  }
  return Float64Array.from(out);
}

/** Bin of one value: binary search for the first edge >= v. NaN gets MISSING_BIN. */
export function binOf(edges: Float64Array, v: number): number {
  if (v !== v) return MISSING_BIN;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Codes every value of x with the fitted edges, in shared memory when `shared` (worker threads
 * read them). Cost: rows × cols binary searches of ≤ 8 steps.
 */
export function applyBins(mapper: BinMapper, x: Matrix, shared = false): BinnedMatrix {
  if (mapper.edges.length !== x.cols) throw new Error(`applyBins: mapper has ${mapper.edges.length} features, matrix ${x.cols}`);
  const cells = x.rows * x.cols;
  const codes = new Uint8Array(shared ? new SharedArrayBuffer(cells) : new ArrayBuffer(cells));
  const padded = new Float64Array(BIN_SLOTS);
  for (let j = 0; j < x.cols; j++) {
    // Edges padded with +∞ to 255 entries, so the search below always takes 8 halving steps
    // whose outcome is added, not branched on: bin = #{edges < v}.
    padded.fill(Number.POSITIVE_INFINITY);
    padded.set(mapper.edges[j]);
    const off = j * x.rows;
    for (let i = 0; i < x.rows; i++) {
      const v = x.data[i * x.cols + j];
      let pos = 0;
      for (let step = 128; step > 0; step >>= 1) pos += step * +(padded[pos + step - 1] < v);
      codes[off + i] = v === v ? pos : MISSING_BIN;
    }
  }
  return { rows: x.rows, cols: x.cols, codes };
}

/** Number of value bins of feature j (the missing bin not counted). */
export function valueBins(mapper: BinMapper, j: number): number {
  return mapper.edges[j].length + 1;
}
