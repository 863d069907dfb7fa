/**
 * Worker threads that predict a forest together with the main thread. Our own implementation, in
 * the manner of histogram-team.ts (which does this for training).
 *
 * The rows are cut into contiguous chunks. The main thread works forward from the first row,
 * straight from the caller's matrix; workers take chunks from the last row backwards, two queued
 * each, so they never wait on the main thread. A chunk's rows are copied into a small shared slot
 * (reused: first-touching fresh memory costs, on our 2-core machine, about half as much CPU as
 * predicting the rows held in it, while copying into a warm slot costs 1%) unless the matrix already lives in a SharedArrayBuffer (see
 * sharedMatrix), and its margins come back through another. Chunks shrink as the rows run out and
 * go to whoever is free, so a thread slowed by a busy machine does less, not the others waiting.
 *
 * Prediction stays synchronous: the main thread polls between blocks of its own rows and
 * Atomics.waits for the last chunks. Every thread runs `predictRows` (shipped as source text with
 * the compiled trees' source, so workers need no TypeScript loader), and a row's margin is base
 * plus its trees' outputs in tree order whoever computes it, so the margins are bit-identical to
 * single-threaded prediction.
 *
 * Workers start in the background: the main thread does not wait for them, it hands them chunks
 * once they report ready. They idle in their event loops between jobs and are unref'd, so a process
 * that predicts and returns exits on its own; close() ends them at once.
 */
import type { Worker } from 'node:worker_threads';
import { awaitJob, startWorkers } from '../../runtime/worker-threads.ts';
import type { Matrix } from '../matrix.ts';
import { COMPILED_PARAMS } from './compile.ts';
import { predictRows, walkPacked, type ForestPlan } from './predict.ts';

// Control block: READY + part is 1 once worker `part` is up; DONE + slot is the id of the last
// job finished in that slot (negated when it failed); CLAIM + slot is the id of a job posted to
// the slot and not yet started, 0 once a thread has taken it.
const READY = 0;
const DONE = 16;
const CLAIM = 48;
const MAX_WORKERS = 15;
// Jobs queued per worker: while it runs one, the next is waiting.
const SLOTS_PER_WORKER = 2;
// Largest chunk: 8,192 rows × 40 columns is a 2.6 MB slot and about 15 ms of work, long enough
// for a job's message (tens of µs) not to matter.
const CHUNK_ROWS = 8192;
// Below this a chunk is not worth a message: the main thread keeps the last rows.
const MIN_CHUNK_ROWS = 1024;
// Rows the main thread predicts between looks at the workers (a few ms).
const MAIN_BLOCK_ROWS = 2048;

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const walkPacked = ${walkPacked.toString()};
const predictRows = ${predictRows.toString()};
const { ctrl: c, part, packed, segments } = workerData;
const ctrl = new Int32Array(c);
// Where code generation is refused the packed walk runs those trees instead: the same margins.
const compile = (source) => {
  if (source === null) return null;
  try { return new Function(${COMPILED_PARAMS.map((p) => `'${p}'`).join(', ')}, source); } catch { return null; }
};
const plan = { packed, segments: segments.map((s) => ({ from: s.from, to: s.to, run: compile(s.source) })) };
parentPort.on('message', (job) => {
  // Taken back by the main thread, which ran out of rows of its own before this job started.
  if (Atomics.compareExchange(ctrl, ${CLAIM} + job.slot, job.id, 0) !== job.id) return;
  let status = -job.id;
  try {
    const x = { rows: job.rows, cols: job.cols, data: new Float64Array(job.input, job.inputByte, job.rows * job.cols) };
    predictRows(plan, x, job.base, 0, job.rows, new Float64Array(job.output, job.outputByte, job.rows), 0);
    status = job.id;
  } catch {
    // Reported through the negative status: the main thread predicts these rows itself.
  }
  Atomics.store(ctrl, ${DONE} + job.slot, status);
  Atomics.notify(ctrl, ${DONE} + job.slot);
});
Atomics.store(ctrl, ${READY} + part, 1);
Atomics.notify(ctrl, ${READY} + part);
`;

interface Job {
  id: number;
  slot: number;
  base: number;
  rows: number;
  cols: number;
  input: SharedArrayBuffer;
  inputByte: number;
  output: SharedArrayBuffer;
  outputByte: number;
}

/** `Atomics.waitAsync` (ES2024; Node 16+), which the ES2023 library this project compiles against lacks. */
type WaitAsync = (array: Int32Array, index: number, value: number, timeout: number) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** A worker silent this long on a job is taken for dead (see `awaitJob`). */
const JOB_MS = 60_000;

export class PredictionTeam {
  private jobs = 0;
  private failed = false;
  /** Slots holding a job of `predictAsync` (none is used by `predict` meanwhile). */
  private readonly asyncBusy: boolean[];
  private input: Float64Array | null = null;
  private readonly output: Float64Array;
  private readonly startedAt = Date.now();
  private lastWorkerRows = 0;

  private constructor(
    private readonly plan: ForestPlan,
    private readonly workers: Worker[],
    private readonly ctrl: Int32Array,
    private readonly readyMs: number,
  ) {
    this.output = new Float64Array(new SharedArrayBuffer(workers.length * SLOTS_PER_WORKER * CHUNK_ROWS * 8));
    this.asyncBusy = new Array<boolean>(workers.length * SLOTS_PER_WORKER).fill(false);
    for (const w of workers) w.on('exit', () => this.markFailed());
  }

  /**
   * Starts `threads − 1` workers for a forest plan, without waiting for them. Returns null — and
   * the caller predicts single-threaded — when fewer than two threads are asked for or a worker
   * cannot be created. Workers not ready within `readyMs` are given up (predict then runs alone).
   */
  static start(plan: ForestPlan, threads: number, readyMs = 10_000): PredictionTeam | null {
    const nWorkers = Math.min(MAX_WORKERS, Math.floor(threads) - 1);
    if (nWorkers < 1) return null;
    const ctrl = new Int32Array(new SharedArrayBuffer(CLAIM * 4 + MAX_WORKERS * SLOTS_PER_WORKER * 4));
    const segments = plan.segments.map((s) => ({ from: s.from, to: s.to, source: s.source }));
    const parts = Array.from({ length: nWorkers }, (_, part) => part);
    const workers = startWorkers(WORKER_SOURCE, parts, (part) => ({ ctrl: ctrl.buffer, part, packed: plan.packed, segments }));
    if (workers === null) return null;
    return new PredictionTeam(plan, workers, ctrl, readyMs);
  }

  /** False once a worker has failed or been given up, or the team is closed: predict then runs alone. */
  get usable(): boolean {
    return !this.failed;
  }

  /** Rows the workers predicted in the last call to predict, or in the last predictAsync to finish. */
  get workerRows(): number {
    return this.lastWorkerRows;
  }

  /** Blocks until every worker is ready (true) or `ms` have passed (false). */
  waitReady(ms = this.readyMs): boolean {
    const deadline = Date.now() + ms;
    for (let part = 0; part < this.workers.length; part++) {
      while (Atomics.load(this.ctrl, READY + part) !== 1) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        Atomics.wait(this.ctrl, READY + part, 0, Math.min(left, 50));
      }
    }
    return true;
  }

  /**
   * base + Σ trees for every row of x, exactly as predictPlan gives them. Cost: the main thread's
   * rows × trees × depth, and a copy of the workers' rows (320 bytes a row at 40 columns, against
   * about 2 µs to predict it) when x is not in shared memory.
   */
  predict(x: Matrix, base: number, out: Float64Array = new Float64Array(x.rows)): Float64Array {
    const { rows, cols } = x;
    this.giveUpLateWorkers();
    // Jobs of predictAsync still hold slots: this call does without the workers.
    if (this.failed || this.asyncBusy.includes(true)) {
      predictRows(this.plan, x, base, 0, rows, out, 0);
      this.lastWorkerRows = 0;
      return out;
    }
    const nSlots = this.workers.length * SLOTS_PER_WORKER;
    const inPlace = x.data.buffer instanceof SharedArrayBuffer;
    const input = inPlace ? x.data : this.inputSlots(nSlots * CHUNK_ROWS * cols);
    const output = this.output;
    const jobId = new Int32Array(nSlots);
    const from = new Int32Array(nSlots);
    const to = new Int32Array(nSlots);
    let front = 0;
    let back = rows;
    let workerRows = 0;

    // Hands slot s the next chunk from the back, if its worker is up and enough rows are left.
    const post = (s: number): void => {
      const part = Math.floor(s / SLOTS_PER_WORKER);
      if (this.failed || Atomics.load(this.ctrl, READY + part) !== 1) return;
      // Guided: a chunk is at most a share of what is left, so the threads finish together.
      const n = Math.min(CHUNK_ROWS, Math.floor((back - front) / (2 * (this.workers.length + 1))));
      if (n < MIN_CHUNK_ROWS) return;
      const a = back - n;
      back = a;
      let inputByte = x.data.byteOffset + a * cols * 8;
      if (!inPlace) {
        input.set(x.data.subarray(a * cols, (a + n) * cols), s * CHUNK_ROWS * cols);
        inputByte = input.byteOffset + s * CHUNK_ROWS * cols * 8;
      }
      const id = (this.jobs = (this.jobs % 0x3fffffff) + 1);
      const job: Job = {
        id,
        slot: s,
        base,
        rows: n,
        cols,
        input: input.buffer as SharedArrayBuffer,
        inputByte,
        output: output.buffer as SharedArrayBuffer,
        outputByte: s * CHUNK_ROWS * 8,
      };
      Atomics.store(this.ctrl, CLAIM + s, id);
      this.workers[part].postMessage(job);
      jobId[s] = id;
      from[s] = a;
      to[s] = a + n;
    };
    // Takes slot s's margins if its job is over (or, with `wait`, once it is); true when the slot is free.
    const collect = (s: number, wait: boolean): boolean => {
      if (jobId[s] === 0) return true;
      const status = wait ? awaitJob(this.ctrl, DONE + s, jobId[s]) : Atomics.load(this.ctrl, DONE + s);
      if (status !== jobId[s] && status !== -jobId[s] && !wait) return false;
      if (status === jobId[s]) {
        out.set(output.subarray(s * CHUNK_ROWS, s * CHUNK_ROWS + to[s] - from[s]), from[s]);
        workerRows += to[s] - from[s];
      } else {
        this.failed = true;
        predictRows(this.plan, x, base, from[s], to[s], out, from[s]);
      }
      jobId[s] = 0;
      return true;
    };

    for (let s = 0; s < nSlots; s++) post(s);
    while (front < back) {
      const end = Math.min(back, front + MAIN_BLOCK_ROWS);
      predictRows(this.plan, x, base, front, end, out, front);
      front = end;
      for (let s = 0; s < nSlots; s++) if (collect(s, false)) post(s);
    }
    // Queued jobs no worker has started yet are done here rather than waited for.
    for (let s = 0; s < nSlots; s++) {
      if (jobId[s] !== 0 && Atomics.compareExchange(this.ctrl, CLAIM + s, jobId[s], 0) === jobId[s]) {
        predictRows(this.plan, x, base, from[s], to[s], out, from[s]);
        jobId[s] = 0;
      }
    }
    for (let s = 0; s < nSlots; s++) collect(s, true);
    this.lastWorkerRows = workerRows;
    if (this.failed) this.close();
    return out;
  }

  /**
   * The margins of x (its data in shared memory) into `out` (shared memory too), predicted by a
   * worker while the calling thread goes on: a batch job reads and writes its other chunks
   * meanwhile. Resolves to `out` once the worker is done. When no worker is up and free, or the
   * worker fails, the calling thread predicts the rows itself (at once, or on failure): the same
   * bits either way. Calls may overlap up to the number of slots; `predict` meanwhile runs alone.
   */
  async predictAsync(x: Matrix, base: number, out: Float64Array): Promise<Float64Array> {
    const alone = (): Float64Array => {
      predictRows(this.plan, x, base, 0, x.rows, out, 0);
      return out;
    };
    this.giveUpLateWorkers();
    const shared = x.data.buffer instanceof SharedArrayBuffer && out.buffer instanceof SharedArrayBuffer;
    const slot = this.failed || !shared || x.rows === 0 ? -1 : this.asyncBusy.findIndex((busy, s) => !busy && Atomics.load(this.ctrl, READY + Math.floor(s / SLOTS_PER_WORKER)) === 1);
    if (slot < 0) {
      this.lastWorkerRows = 0;
      return alone();
    }
    const worker = this.workers[Math.floor(slot / SLOTS_PER_WORKER)];
    const id = (this.jobs = (this.jobs % 0x3fffffff) + 1);
    const job: Job = {
      id,
      slot,
      base,
      rows: x.rows,
      cols: x.cols,
      input: x.data.buffer as SharedArrayBuffer,
      inputByte: x.data.byteOffset,
      output: out.buffer as SharedArrayBuffer,
      outputByte: out.byteOffset,
    };
    this.asyncBusy[slot] = true;
    // Workers are unref'd; while one holds a job the process must not exit under the await.
    worker.ref();
    try {
      Atomics.store(this.ctrl, CLAIM + slot, id);
      worker.postMessage(job);
      const status = await this.jobDone(slot, id);
      if (status !== id) {
        this.failed = true;
        this.lastWorkerRows = 0;
        return alone();
      }
      this.lastWorkerRows = x.rows;
      return out;
    } finally {
      this.asyncBusy[slot] = false;
      if (!this.asyncBusy.some((busy, s) => busy && this.workers[Math.floor(s / SLOTS_PER_WORKER)] === worker)) worker.unref();
      if (this.failed) this.close();
    }
  }

  /** `awaitJob` without blocking: the job's status (id, or −id when it failed), 0 after JOB_MS of silence. */
  private async jobDone(slot: number, id: number): Promise<number> {
    const deadline = Date.now() + JOB_MS;
    for (;;) {
      const v = Atomics.load(this.ctrl, DONE + slot);
      if (v === id || v === -id) return v;
      // A worker gone (or the team closed) answers no more: `markFailed` woke this wait.
      if (this.failed) return 0;
      const left = deadline - Date.now();
      if (left <= 0) return 0;
      const wait = waitAsync(this.ctrl, DONE + slot, v, left);
      if (wait.async) await wait.value;
    }
  }

  /** Ends the workers; predict afterwards runs on the calling thread alone. */
  close(): void {
    this.markFailed();
    this.input = null;
    for (const w of this.workers) void w.terminate();
  }

  /** From now on the team computes alone; waits of `predictAsync` wake up to do their rows here. */
  private markFailed(): void {
    this.failed = true;
    for (let s = 0; s < this.asyncBusy.length; s++) Atomics.notify(this.ctrl, DONE + s);
  }

  /** Closes the team when a worker has not come up within readyMs of the start. */
  private giveUpLateWorkers(): void {
    if (this.failed || Date.now() - this.startedAt < this.readyMs) return;
    for (let part = 0; part < this.workers.length; part++) {
      if (Atomics.load(this.ctrl, READY + part) !== 1) return this.close();
    }
  }

  /** The shared input slots, n doubles, allocated once and kept (a few MB). */
  private inputSlots(n: number): Float64Array {
    if (!this.input || this.input.length < n) this.input = new Float64Array(new SharedArrayBuffer(n * 8));
    return this.input;
  }
}
