/**
 * A forest's work over a matrix's rows (margins, TreeSHAP) as worker-pool jobs in chunks of rows.
 * Workers see shared memory only, so other arrays go through bounded shared staging buffers, a block
 * of rows at a time: the copy is small against the work on a row (docs/gbdt.md).
 */
import type { Kernel } from '../../parallel/kernel.ts';
import { workerPool } from '../../parallel/pool.ts';
import { designData, inSharedMemory, type Matrix } from '../matrix.ts';

/** What a row kernel is given: rows × cols values in, rows × width values out, in shared memory. */
export interface RowJob {
  /** Pool resource: the model (a SharedForest, a ShapForest). */
  readonly model: number;
  readonly input: Float64Array;
  readonly output: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Chunk c is rows [c · chunkRows, (c + 1) · chunkRows). */
  readonly chunkRows: number;
}

/** Numbers in one staging block (8 MB). */
const BLOCK_CELLS = 1 << 20;


/** The blocks of one job: x's rows, and out's, in shared memory (staged when they are not). */
function* blocks(model: number, x: Matrix, out: Float64Array, width: number, chunkRows: number): Generator<{ job: RowJob; chunks: number; done(): void }> {
  const direct = inSharedMemory(x.data) && inSharedMemory(out);
  const perBlock = direct ? x.rows : Math.max(chunkRows, Math.floor(BLOCK_CELLS / Math.max(1, x.cols, width) / chunkRows) * chunkRows);
  const size = Math.min(perBlock, x.rows);
  const input = inSharedMemory(x.data) ? null : designData(Math.max(1, size * x.cols), true);
  const output = inSharedMemory(out) ? null : designData(Math.max(1, size * width), true);
  for (let first = 0; first < x.rows; first += perBlock) {
    const rows = Math.min(perBlock, x.rows - first);
    const from = x.data.subarray(first * x.cols, (first + rows) * x.cols);
    if (input !== null) input.set(from);
    const into = out.subarray(first * width, (first + rows) * width);
    const job: RowJob = {
      model,
      input: input === null ? from : input.subarray(0, rows * x.cols),
      output: output === null ? into : output.subarray(0, rows * width),
      rows,
      cols: x.cols,
      chunkRows,
    };
    const done = (): void => {
      if (output !== null) into.set(job.output);
    };
    yield { job, chunks: Math.ceil(rows / chunkRows), done };
  }
}

/** Runs kernel `k` over every row of x on up to `threads` threads (the calling one among them), `width` outputs per row into out. */
export function runRows(k: Kernel<RowJob>, model: number, x: Matrix, out: Float64Array, width: number, chunkRows: number, threads: number): void {
  for (const { job, chunks, done } of blocks(model, x, out, width, chunkRows)) {
    workerPool().run(k, job, chunks, threads);
    done();
  }
}

/** `runRows` on worker threads while the caller goes on; chunks no worker could do are done here before it resolves. */
export async function runRowsAsync(k: Kernel<RowJob>, model: number, x: Matrix, out: Float64Array, width: number, chunkRows: number, threads: number): Promise<void> {
  for (const { job, chunks, done } of blocks(model, x, out, width, chunkRows)) {
    await workerPool().runAsync(k, job, chunks, threads);
    done();
  }
}
