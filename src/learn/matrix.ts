/**
 * A dense numeric design matrix: row-major Float64Array, NaN for a missing value.
 * The one shape every learner, calibrator and explainer takes, so that no stage copies
 * rows into objects.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: value (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: Float64Array): Matrix {
  const d = data ?? new Float64Array(rows * cols);
  if (d.length !== rows * cols) throw new Error(`matrix: data has ${d.length} values, expected ${rows}×${cols}`);
  return { rows, cols, data: d };
}

/** From this many cells a design matrix is allocated in shared memory (see `designData`). */
export const SHARED_CELLS = 1 << 21;

/**
 * Zeroed storage for a rows × cols design matrix. From `SHARED_CELLS` cells (or when `shared`) it
 * lives in a SharedArrayBuffer, so the worker pool's threads read it in place (src/parallel/): for
 * them a copy would cost about as much as the work they share.
 */
export function designData(cells: number, shared = cells >= SHARED_CELLS): Float64Array {
  return new Float64Array(shared ? new SharedArrayBuffer(cells * 8) : new ArrayBuffer(cells * 8));
}

/**
 * A rows × cols matrix of zeros in shared memory whatever its size: fill it in place of
 * `matrix(rows, cols)` where worker threads will read it (a matrix in ordinary memory is scored
 * on the calling thread alone, or has its rows copied into shared memory first).
 * @example
 * sharedMatrix(2, 3).data.buffer instanceof SharedArrayBuffer; // => true
 */
export function sharedMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: designData(rows * cols, true) };
}

/**
 * True when the pool's worker threads can read `a` in place (null, an absent array, counts as shared).
 * @example
 * inSharedMemory(new Float64Array(new SharedArrayBuffer(8))); // => true
 */
export function inSharedMemory(a: ArrayBufferView | null): boolean {
  return a === null || a.buffer instanceof SharedArrayBuffer;
}

/** Builds a matrix from named columns, in the order of `names`. Cost: one pass over rows × cols. */
export function fromColumns(columns: ReadonlyArray<ArrayLike<number>>): Matrix {
  const cols = columns.length;
  const rows = cols === 0 ? 0 : columns[0].length;
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const c = columns[j];
    if (c.length !== rows) throw new Error(`fromColumns: column ${j} has ${c.length} rows, expected ${rows}`);
    for (let i = 0; i < rows; i++) data[i * cols + j] = c[i];
  }
  return { rows, cols, data };
}

/** The rows at `index`, in that order (for splits and bootstrap samples). */
export function takeRows(m: Matrix, index: ArrayLike<number>): Matrix {
  const out = new Float64Array(index.length * m.cols);
  for (let k = 0; k < index.length; k++) out.set(m.data.subarray(index[k] * m.cols, (index[k] + 1) * m.cols), k * m.cols);
  return { rows: index.length, cols: m.cols, data: out };
}
