/**
 * For tests that compare the pool's threads with one thread: waits until the pool's workers are up
 * and computing (they start in the background on a job's first need), so the comparisons that
 * follow are made with workers taking part.
 */
import { workerPool } from '../../src/parallel/pool.ts';
import { squareKernel } from '../parallel/fixtures/test-kernels.ts';

export async function poolWorkersUp(threads = 2): Promise<void> {
  const chunks = 20;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const input = new Float64Array(new SharedArrayBuffer(8 * 20 * chunks));
    const by = new Int32Array(new SharedArrayBuffer(4 * chunks));
    workerPool().run(squareKernel, { input, output: new Float64Array(new SharedArrayBuffer(input.byteLength)), rowsPerChunk: 20, by }, chunks, threads);
    // A turn of the event loop after the worker computed: its "ready" message is then read too,
    // so asynchronous jobs go to it as well.
    await new Promise((r) => setTimeout(r, 10));
    if (by.some((b) => b === 1)) return;
  }
  throw new Error('the pool’s workers did not come up within 30 s');
}
