/**
 * Quantile binning into at most 255 bins per feature plus one for missing values (Ke et al. 2017,
 * LightGBM §3; scikit-learn's `binning.py`): a node's best split then comes from a 256-slot histogram
 * instead of a sort of its rows.
 */
import type { Matrix } from '../matrix.ts';

/** The code every missing value (NaN) gets, whatever the feature: its own bin, after the others. */
export const MISSING_BIN = 255;
/** Slots in one feature's histogram: up to 255 value bins and the missing bin. */
export const BIN_SLOTS = 256;

export interface BinMapper {
  /** Per feature, ascending upper edges: v's bin is the first b with v <= edges[b], else edges.length. */
  readonly edges: readonly Float64Array[];
}

/** Column-major bin codes: code of row i, feature j is codes[j * rows + i]. */
export interface BinnedMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly codes: Uint8Array;
}

/**
 * Fits the bin edges of every feature: midpoints between neighbours with at most maxBins distinct
 * values, else the midpoint-interpolated quantiles at k / maxBins, deduplicated.
 * @param sampleRows fit on this many evenly spaced rows at most, as scikit-learn's 200,000-row subsample
 */
export function fitBins(x: Matrix, maxBins = 255, sampleRows = 200_000): BinMapper {
  if (!(maxBins >= 2 && maxBins <= 255)) throw new Error(`fitBins: maxBins must be in [2, 255], got ${maxBins}`);
  const step = x.rows > sampleRows ? x.rows / sampleRows : 1;
  const taken = Math.min(x.rows, sampleRows);
  // Transposed in one forward pass: a pass per feature would read every cache line once per feature.
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
    // numpy's percentile(method="midpoint"), as scikit-learn.
    const pos = (b / maxBins) * (n - 1);
    const q = (sorted[Math.floor(pos)] + sorted[Math.ceil(pos)]) / 2;
    // A quantile equal to the largest value would leave an empty top bin.
    if (q < sorted[n - 1] && (out.length === 0 || q > out[out.length - 1])) out.push(q);
  }
  return Float64Array.from(out);
}

/** Codes every value of x, in shared memory when `shared`. Cost: rows × cols × 8 steps. */
export function applyBins(mapper: BinMapper, x: Matrix, shared = false): BinnedMatrix {
  if (mapper.edges.length !== x.cols) throw new Error(`applyBins: mapper has ${mapper.edges.length} features, matrix ${x.cols}`);
  const cells = x.rows * x.cols;
  const codes = new Uint8Array(shared ? new SharedArrayBuffer(cells) : new ArrayBuffer(cells));
  const padded = new Float64Array(BIN_SLOTS);
  for (let j = 0; j < x.cols; j++) {
    // Padded with +∞ to 255 edges: always 8 halving steps, added rather than branched on (bin = #{edges < v}).
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
