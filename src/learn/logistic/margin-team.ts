/**
 * A logistic model's margins (or probabilities) over a large matrix in shared memory, computed by
 * this thread and a worker together. Our own code, in the manner of the GBDT's prediction team
 * (../gbdt/predict-team.ts): no library runs a compiled kernel over shared rows on a worker.
 *
 * Why: on the 1M × 40 benchmark matrix the compiled kernel took ~22 ms on one thread and ~13.5 ms
 * on two (measured on this 2-core machine); with the sigmoid, scoring on one thread was slower
 * than scikit-learn's `predict_proba`, whose matrix-vector product runs in BLAS.
 *
 * How: the rows go in blocks of 32,768 that either thread claims from a shared counter, so a
 * thread slowed by a busy machine does fewer. Both run the kernel compiled from the same source
 * text (linear-margin.ts: the margin, or the probability), so the results are the bits one
 * thread computes. They are written to the team's shared memory and copied out. The worker
 * starts at the first large matrix and is not waited for: calls before it is ready run alone. A
 * job that fails or stays silent is computed again here, whole, and the team is closed.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { awaitJob, startWorkers } from '../../runtime/worker-threads.ts';
import type { Matrix } from '../matrix.ts';
import type { MarginKernel } from './linear-margin.ts';

// Control block: READY is 1 once the worker is up; DONE is the id of its last job (negated when
// it failed); NEXT is the next block of rows to claim.
const READY = 0;
const DONE = 1;
const NEXT = 2;
const BLOCK = 32_768;
/** Below this many cells one thread is as fast: a job's message costs ~0.1 ms. */
export const MIN_TEAM_CELLS = 1 << 22;
/** A worker silent this long on a job is taken for dead (see `awaitJob`). */
const JOB_MS = 60_000;

/**
 * Claims blocks of rows from ctrl[next] and runs the kernel over each until none is left. Runs on
 * the worker (as source text) and on the calling thread, so it uses nothing but its arguments.
 */
function claimBlocks(ctrl: Int32Array, next: number, block: number, kernel: MarginKernel, X: Float64Array, out: Float64Array, rows: number, cols: number): void {
  for (;;) {
    const from = Atomics.add(ctrl, next, 1) * block;
    if (from >= rows) return;
    const to = Math.min(rows, from + block);
    kernel(X.subarray(from * cols, to * cols), out.subarray(from, to), to - from);
  }
}

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const ctrl = new Int32Array(workerData.ctrl);
const cols = workerData.cols;
const kernels = workerData.bodies.map((body) => new Function('X', 'out', 'rows', body));
const claimBlocks = ${claimBlocks.toString()};
parentPort.on('message', (job) => {
  let status = -job.id;
  try {
    const X = new Float64Array(job.input, job.inputByte, job.rows * cols);
    const out = new Float64Array(job.output, job.outputByte, job.rows);
    claimBlocks(ctrl, ${NEXT}, ${BLOCK}, kernels[job.kernel], X, out, job.rows, cols);
    status = job.id;
  } catch {
    // Reported through the negative status: the calling thread computes the margins itself.
  }
  Atomics.store(ctrl, ${DONE}, status);
  Atomics.notify(ctrl, ${DONE});
});
Atomics.store(ctrl, ${READY}, 1);
Atomics.notify(ctrl, ${READY});
`;

export class MarginTeam {
  private jobs = 0;
  private failed = false;
  private output: Float64Array = new Float64Array(0);

  private constructor(
    private readonly worker: Worker,
    private readonly ctrl: Int32Array,
    private readonly cols: number,
    private readonly jobMs: number,
  ) {
    worker.on('exit', () => {
      this.failed = true;
    });
  }

  /**
   * Starts the worker for the kernels compiled from `bodies` over `cols` columns, without waiting
   * for it; null on a single core or where no worker can be created.
   */
  static start(bodies: readonly string[], cols: number, jobMs = JOB_MS): MarginTeam | null {
    if (availableParallelism() < 2) return null;
    const ctrl = new Int32Array(new SharedArrayBuffer(4 * 4));
    const workers = startWorkers(WORKER_SOURCE, [0], () => ({ ctrl: ctrl.buffer, bodies, cols }));
    return workers === null ? null : new MarginTeam(workers[0], ctrl, cols, jobMs);
  }

  /** False once the worker has failed or the team is closed. */
  get usable(): boolean {
    return !this.failed;
  }

  /** True once the worker can take jobs. */
  get ready(): boolean {
    return !this.failed && Atomics.load(this.ctrl, READY) === 1;
  }

  /**
   * The rows of x through kernel `which` of the team's bodies into `out`, with the worker;
   * `kernel` is that body compiled on this thread. False, with nothing written, when the worker
   * is not ready or x is not in shared memory.
   */
  run(x: Matrix, out: Float64Array, which: number, kernel: MarginKernel): boolean {
    if (!this.ready || x.cols !== this.cols || !(x.data.buffer instanceof SharedArrayBuffer)) return false;
    const rows = x.rows;
    // The team's own memory, never the caller's: a worker taken for dead may still be writing, and
    // a probability kernel applies σ in place, so a block written twice would hold σ(σ(m)).
    const target = this.scratch(rows);
    const id = ++this.jobs;
    Atomics.store(this.ctrl, NEXT, 0);
    this.worker.postMessage({ id, kernel: which, input: x.data.buffer, inputByte: x.data.byteOffset, rows, output: target.buffer, outputByte: target.byteOffset });
    claimBlocks(this.ctrl, NEXT, BLOCK, kernel, x.data, target, rows, this.cols);
    if (awaitJob(this.ctrl, DONE, id, this.jobMs) !== id) {
      // All rows again, here, straight into `out`; the scratch goes with the closed team.
      this.close();
      kernel(x.data, out, rows);
      return true;
    }
    out.set(target.subarray(0, rows));
    return true;
  }

  close(): void {
    this.failed = true;
    void this.worker.terminate();
  }

  private scratch(rows: number): Float64Array {
    if (this.output.length < rows) this.output = new Float64Array(new SharedArrayBuffer(rows * 8));
    return this.output.subarray(0, rows);
  }
}
