import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/parallel/pool.ts';
import { offsetKernel, squareKernel, squareValue, type SquareArgs } from './fixtures/test-kernels.ts';

const shared = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * n));

function job(rows = 200_000, rowsPerChunk = 5_000): SquareArgs & { expected: Float64Array; chunks: number } {
  const input = shared(rows);
  for (let i = 0; i < rows; i++) input[i] = (i % 977) / 7;
  const expected = new Float64Array(rows);
  for (let i = 0; i < rows; i++) expected[i] = squareValue(input[i]);
  return { input, output: shared(rows), rowsPerChunk, expected, chunks: Math.ceil(rows / rowsPerChunk), by: new Int32Array(new SharedArrayBuffer(4 * Math.ceil(rows / rowsPerChunk))) };
}

/** Runs jobs until the workers have joined one (they start in the background). */
function runUntilWorkersJoin(pool: WorkerPool, threads: number): void {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const j = job();
    pool.run(squareKernel, j, j.chunks, threads);
    if (j.by!.some((b) => b === 1) || Date.now() > deadline) return;
  }
}

describe('WorkerPool', () => {
  let pool: WorkerPool;
  afterEach(() => pool.close());

  it('computes every chunk, with workers taking part, the same bits as one thread', () => {
    pool = new WorkerPool();
    runUntilWorkersJoin(pool, 3);
    const j = job();
    pool.run(squareKernel, j, j.chunks, 3);
    expect(j.by!.some((b) => b === 1)).toBe(true);
    expect(j.output).toEqual(j.expected);
  });

  it('runs on the calling thread alone with one thread, and starts no worker', () => {
    pool = new WorkerPool();
    const j = job(10_000);
    pool.run(squareKernel, j, j.chunks, 1);
    expect(pool.size).toBe(0);
    expect(j.output).toEqual(j.expected);
  });

  for (const how of ['exit', 'throw', 'hang'] as const) {
    it(`finishes promptly with the same result when a worker ${how === 'exit' ? 'dies' : how === 'throw' ? 'throws' : 'stalls'} mid-job`, () => {
      pool = new WorkerPool();
      runUntilWorkersJoin(pool, 2);
      // The worker takes chunk 1 at once: the calling thread starts with chunk 0, which is long.
      let sabotaged = false;
      for (let attempt = 0; attempt < 20 && !sabotaged; attempt++) {
        const j = job(400_000, 20_000);
        j.sabotage = { chunk: 1, how };
        const t = performance.now();
        pool.run(squareKernel, j, j.chunks, 2);
        const seconds = (performance.now() - t) / 1000;
        expect(j.output).toEqual(j.expected);
        expect(seconds).toBeLessThan(10);
        sabotaged = j.by![1] === 0 && j.by!.some((b) => b === 1);
      }
      expect(sabotaged).toBe(true);
    });
  }

  it('runs an asynchronous job on a worker and falls back to the calling thread when the worker dies', async () => {
    pool = new WorkerPool();
    // Until its worker is ready a job runs on the calling thread: no caller waits for a start-up.
    let j = job(50_000, 50_000);
    for (let attempt = 0; attempt < 500; attempt++) {
      j = job(50_000, 50_000);
      await pool.runAsync(squareKernel, j, 1, 2);
      expect(j.output).toEqual(j.expected);
      if (j.by![0] === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(j.by![0]).toBe(1);
    const k = job(50_000, 50_000);
    k.sabotage = { chunk: 0, how: 'exit' };
    await pool.runAsync(squareKernel, k, 1, 2);
    expect(k.output).toEqual(k.expected);
    expect(k.by![0]).toBe(0);
  });

  it('says a submitted job is finished once a worker computed it, before its answer is read', async () => {
    pool = new WorkerPool();
    let j = job(50_000, 50_000);
    for (let attempt = 0; attempt < 500 && j.by![0] !== 1; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      j = job(50_000, 50_000);
      const submitted = pool.submit(squareKernel, j, 1, 2);
      // Spinning, this thread never reads the worker's answer: only the chunk's status can tell.
      const deadline = performance.now() + 10_000;
      while (!submitted.finished() && performance.now() < deadline);
      expect(submitted.finished()).toBe(true);
      expect(j.output).toEqual(j.expected);
      await submitted.done;
    }
    expect(j.by![0]).toBe(1);
  });

  it('gives kernels the shared resources, also to workers started after the share', async () => {
    pool = new WorkerPool();
    const r = pool.share({ offset: 5 });
    const out = shared(4);
    await pool.runAsync(offsetKernel, { resource: r.id, output: out }, 4, 3);
    expect(Array.from(out)).toEqual([15, 15, 15, 15]);
    r.release();
  });

  it('lets a script that used workers exit by itself once its work is done', () => {
    pool = new WorkerPool();
    const script = fileURLToPath(new URL('./fixtures/sync-job-then-exit.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(out.trim()).toBe('workers took part');
  });
});
