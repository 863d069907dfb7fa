/** A dense row-major design matrix (NaN = missing): the one shape every learner and explainer takes. */
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
 * Zeroed float64 storage (a design matrix, a kernel's output), in a SharedArrayBuffer from `SHARED_CELLS`
 * cells or when `shared`: the pool's threads use it in place, where a copy would cost about their work.
 */
export function designData(cells: number, shared = cells >= SHARED_CELLS): Float64Array {
  return new Float64Array(shared ? new SharedArrayBuffer(cells * 8) : new ArrayBuffer(cells * 8));
}

/** A float64 copy of `values` in `designData` storage, shared when the pool's threads are to read it. */
export function designDataCopy(values: ArrayLike<number>, shared: boolean): Float64Array {
  const out = designData(values.length, shared);
  out.set(values);
  return out;
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
