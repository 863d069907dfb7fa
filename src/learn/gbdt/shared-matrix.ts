/**
 * A design matrix in shared memory. GbdtModel.margin hands a matrix whose data is a
 * SharedArrayBuffer to its prediction workers as it is; any other matrix has the workers' rows
 * copied into shared slots first (about 1% of the prediction time at 40 columns, measured).
 */
import type { Matrix } from '../matrix.ts';

/**
 * A rows × cols matrix of zeros whose data lives in a SharedArrayBuffer: fill it in place of
 * `matrix(rows, cols)` where the GBDT will score it.
 * @example
 * sharedMatrix(2, 3).data.buffer instanceof SharedArrayBuffer; // => true
 */
export function sharedMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(new SharedArrayBuffer(rows * cols * 8)) };
}
