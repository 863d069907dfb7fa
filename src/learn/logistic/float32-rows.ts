/**
 * Rows of a float64 design matrix rounded to float32 for TensorFlow.js. A streamed fit converts every
 * row at every evaluation, so large chunks are converted in pieces on the worker pool's threads.
 */
import { kernel } from '../../parallel/kernel.ts';
import { workerPool } from '../../parallel/pool.ts';
import { inSharedMemory } from '../matrix.ts';

/** Rows [from, to) of a row-major matrix, optionally gathered through a row sample and with a 1 appended to each. */
export interface RowRange {
  readonly X: Float64Array;
  readonly p: number;
  /** Positions index these rows of X when given. */
  readonly sample: Int32Array | null;
  readonly from: number;
  readonly to: number;
  /** Append a column of ones (X̃ = [X | 1]). */
  readonly ones: boolean;
}

interface Float32RowsArgs extends RowRange {
  /** Receives row from + k at k·(p + ones). */
  readonly out: Float32Array;
  readonly rowsPerPiece: number;
}

/** Cells per piece of a conversion: a pool job's messages cost far less than converting this many. */
const PIECE_CELLS = 1 << 18;

/** Piece `piece` of a conversion: rowsPerPiece rows from from + piece·rowsPerPiece into `out`. */
export const float32RowsKernel = kernel<Float32RowsArgs>(import.meta.url, 'float32RowsKernel', (a, piece) => {
  const from = a.from + piece * a.rowsPerPiece;
  convert(a, from, Math.min(a.to, from + a.rowsPerPiece), a.out);
});

function convert(r: RowRange, from: number, to: number, out: Float32Array): void {
  const { X, p, sample } = r;
  if (sample === null && !r.ones) {
    out.set(X.subarray(from * p, to * p), (from - r.from) * p);
    return;
  }
  const q = r.ones ? p + 1 : p;
  for (let k = from; k < to; k++) {
    const a = (sample === null ? k : sample[k]) * p;
    const b = (k - r.from) * q;
    // A loop, not a set() per row: 65,536 subarray views cost more than the copy.
    for (let j = 0; j < p; j++) out[b + j] = X[a + j];
    if (r.ones) out[b + p] = 1;
  }
}

/**
 * Rows `r` as float32 into `out`, on up to `threads` threads when every array is in shared memory:
 * the pool's workers start now, and `finish()` completes the rows (this thread helping) before they are read.
 */
export function beginFloat32Rows(r: RowRange, out: Float32Array, threads: number): { finish(): void } {
  const rows = r.to - r.from;
  const rowsPerPiece = Math.max(1, Math.ceil(PIECE_CELLS / Math.max(1, r.p)));
  const pieces = Math.ceil(rows / rowsPerPiece);
  const parallel = threads > 1 && pieces > 1 && inSharedMemory(r.X) && inSharedMemory(r.sample) && inSharedMemory(out);
  if (!parallel) return { finish: () => convert(r, r.from, r.to, out) };
  return workerPool().begin(float32RowsKernel, { ...r, out, rowsPerPiece }, pieces, threads);
}
