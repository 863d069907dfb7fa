/** A dense row-major Float64Array design matrix (NaN = missing): the one shape every learner and explainer takes. */
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
 * Zeroed storage for a design matrix, in a SharedArrayBuffer from `SHARED_CELLS` cells (or when
 * `shared`): the pool's threads read it in place, where a copy would cost about the work they share.
 */
export function designData(cells: number, shared = cells >= SHARED_CELLS): Float64Array {
  return new Float64Array(shared ? new SharedArrayBuffer(cells * 8) : new ArrayBuffer(cells * 8));
}

/**
 * A matrix of zeros in shared memory whatever its size, for rows worker threads will read in place.
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

/** A matrix from columns, in their order. */
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
