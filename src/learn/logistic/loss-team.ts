/**
 * Worker threads that compute shares of the float64 loss, gradient and sampled Hessian of a
 * logistic fit together with the main thread, over a design matrix in shared memory. Our own
 * implementation, in the manner of ../gbdt/histogram-team.ts (scikit-learn gets the same from its
 * multithreaded BLAS: its lbfgs fit of the 1M × 40 benchmark uses 1.7 CPU seconds per second).
 *
 * Each sum over rows is cut into `SHARES` fixed shares (penalized-log-loss.ts); thread t of T
 * computes shares t, t+T, …, each with the same function (`lossShare`, `hessianShare`, shipped to
 * the workers as source text so they need no TypeScript loader), and the main thread adds the
 * shares in order. The result is therefore bit-identical with any number of threads.
 *
 * Only a matrix whose data, labels and weights live in SharedArrayBuffers can be shared without a
 * copy — and a copy would cost as much as the pass it is meant to halve — so `start` returns null
 * for any other. Workers start in the background; until all have reported ready, the main thread
 * computes alone (the fit's warm start on a sample usually hides their start-up).
 */
import type { Worker } from 'node:worker_threads';
import { awaitJob, JOB_QUIT, jobLoopSource, postJob, startWorkers } from '../../runtime/worker-threads.ts';
import { hessianShare, HESSIAN_BLOCK, lossShare, SHARES } from './penalized-log-loss.ts';
import type { LogisticProblem, RowSharing } from './penalized-log-loss.ts';

// Control block slots after JOB_SEQ and JOB_CMD.
const READY = 4;
const DONE = 4 + SHARES;
const LOSS = 1;
const HESSIAN = 2;
const CONVERT = 4;
// A conversion's arguments: first row (or sample position), end, target slot, whether sampled.
const ARG = 12;
/** Hessian shares are shared only while (p+1)² stays small; beyond, the fit would be p³-bound anyway. */
const MAX_SHARED_HESSIAN = 513 * 513;
/** Float32 elements in each of the two conversion slots (`startConvert`): tfjs-log-loss.ts's chunk. */
export const CONVERT_SLOT_ELEMENTS = 1 << 21;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const lossShare = ${lossShare.toString()};
const hessianShare = ${hessianShare.toString()};
const d = workerData;
const view = (v) => v === null ? null : new Float64Array(v.buffer, v.byteOffset, v.length);
const ctrl = new Int32Array(d.ctrl), X = view(d.x), y = view(d.y), w = view(d.w), slots = new Float32Array(d.slots);
const theta = new Float64Array(d.theta), rows = new Int32Array(d.rows);
const lossOut = new Float64Array(d.lossOut), hessOut = d.hessOut === null ? null : new Float64Array(d.hessOut);
const p = d.p, q = p + 1, n = d.n, m = rows.length;
const start = (count, s) => Math.round((s * count) / ${SHARES});
const strip = new Float64Array(q * ${HESSIAN_BLOCK}), weighted = new Float64Array(q * ${HESSIAN_BLOCK});
${jobLoopSource(`${READY} + d.part`, `${DONE} + d.part`, `
    if (cmd === ${CONVERT}) {
      // One worker converts; the others only answer.
      if (d.part === 1) {
        const from = ctrl[${ARG}], to = ctrl[${ARG} + 1], o = ctrl[${ARG} + 2] * d.slotLength, sampled = ctrl[${ARG} + 3] === 1;
        for (let k = from; k < to; k++) {
          const a = (sampled ? rows[k] : k) * p, b = o + (k - from) * p;
          for (let j = 0; j < p; j++) slots[b + j] = X[a + j];
        }
      }
    } else for (let s = d.part; s < ${SHARES}; s += d.parts) {
      if (cmd === ${LOSS}) {
        const o = s * (p + 2);
        lossOut[o + p + 1] = lossShare(X, p, y, w, theta, start(n, s), start(n, s + 1), lossOut.subarray(o, o + p + 1));
      } else {
        hessianShare(X, p, w, theta, rows, start(m, s), start(m, s + 1), hessOut.subarray(s * q * q, (s + 1) * q * q), strip, weighted);
      }
    }`)}
`;

/** A typed array's window, for a worker to view the same shared memory. */
interface SharedView {
  buffer: SharedArrayBuffer;
  byteOffset: number;
  length: number;
}

function sharedView(a: Float64Array | null): SharedView | null {
  if (a === null) return null;
  return { buffer: a.buffer as SharedArrayBuffer, byteOffset: a.byteOffset, length: a.length };
}

function isShared(a: Float64Array | null): boolean {
  return a === null || a.buffer instanceof SharedArrayBuffer;
}

export class LossTeam implements RowSharing {
  readonly mainShares: readonly number[];
  private seq = 0;
  private pending: { kind: 'sum'; out: Float64Array; shared: Float64Array; width: number } | { kind: 'convert'; values: Float32Array } | null = null;
  private failed = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly ctrl: Int32Array,
    private readonly theta: Float64Array,
    private readonly lossOut: Float64Array,
    private readonly hessOut: Float64Array | null,
    private readonly p: number,
    private readonly slots: Float32Array,
  ) {
    const parts = workers.length + 1;
    this.mainShares = Array.from({ length: SHARES }, (_, s) => s).filter((s) => s % parts === 0);
  }

  /**
   * Starts min(threads, SHARES) − 1 workers over `problem` and the Hessian's `sample` rows,
   * without waiting for them. Null — the caller computes alone — when fewer than two threads are
   * asked for, the problem's arrays are not all in shared memory, or a worker cannot be created.
   */
  static start(problem: LogisticProblem, sample: Int32Array, threads: number): LossTeam | null {
    const nWorkers = Math.min(SHARES, Math.floor(threads)) - 1;
    const { x, y, w } = problem;
    if (nWorkers < 1 || !isShared(x.data) || !isShared(y) || !isShared(w)) return null;
    const p = x.cols;
    const q = p + 1;
    const shared = (doubles: number): Float64Array => new Float64Array(new SharedArrayBuffer(Math.max(1, doubles) * 8));
    const ctrl = new Int32Array(new SharedArrayBuffer(16 * 4));
    const theta = shared(q);
    const rows = new Int32Array(new SharedArrayBuffer(Math.max(1, sample.length) * 4));
    rows.set(sample);
    const lossOut = shared(SHARES * (p + 2));
    const hessOut = q * q <= MAX_SHARED_HESSIAN ? shared(SHARES * q * q) : null;
    const slots = new Float32Array(new SharedArrayBuffer(2 * CONVERT_SLOT_ELEMENTS * 4));
    const parts = Array.from({ length: nWorkers }, (_, k) => k + 1);
    const workers = startWorkers(WORKER_SOURCE, parts, (part) => ({
      ctrl: ctrl.buffer,
      x: sharedView(x.data),
      y: sharedView(y),
      w: sharedView(w),
      theta: theta.buffer,
      rows: rows.buffer,
      lossOut: lossOut.buffer,
      hessOut: hessOut === null ? null : hessOut.buffer,
      slots: slots.buffer,
      slotLength: CONVERT_SLOT_ELEMENTS,
      n: x.rows,
      p,
      part,
      parts: nWorkers + 1,
    }));
    if (workers === null) return null;
    return new LossTeam(workers, ctrl, theta, lossOut, hessOut, p, slots);
  }

  startLoss(theta: Float64Array, out: Float64Array): boolean {
    return this.post(LOSS, theta, out, this.lossOut, this.p + 2);
  }

  startHessian(theta: Float64Array, out: Float64Array): boolean {
    return this.hessOut !== null && this.post(HESSIAN, theta, out, this.hessOut, (this.p + 1) * (this.p + 1));
  }

  finish(): boolean {
    const job = this.pending;
    if (job?.kind !== 'sum' || !this.awaitAll()) return false;
    const parts = this.workers.length + 1;
    for (let s = 0; s < SHARES; s++) {
      if (s % parts !== 0) job.out.set(job.shared.subarray(s * job.width, (s + 1) * job.width), s * job.width);
    }
    return true;
  }

  /**
   * Starts converting rows [from, to) of X — positions in the sample when `sampled` — to float32
   * in conversion slot 0 or 1, on a worker, while the caller goes on (tfjs-log-loss.ts uploads one
   * chunk while the next is converted). False when the team cannot, and the caller converts.
   */
  startConvert(from: number, to: number, slot: 0 | 1, sampled: boolean): boolean {
    const length = (to - from) * this.p;
    if (length > CONVERT_SLOT_ELEMENTS || this.failed || this.pending !== null || !this.ready()) return false;
    this.ctrl[ARG] = from;
    this.ctrl[ARG + 1] = to;
    this.ctrl[ARG + 2] = slot;
    this.ctrl[ARG + 3] = sampled ? 1 : 0;
    this.pending = { kind: 'convert', values: this.slots.subarray(slot * CONVERT_SLOT_ELEMENTS, slot * CONVERT_SLOT_ELEMENTS + length) };
    this.signal(CONVERT);
    return true;
  }

  /** The converted rows, once done; null when the worker failed (the caller converts them). */
  finishConvert(): Float32Array | null {
    const job = this.pending;
    return job?.kind === 'convert' && this.awaitAll() ? job.values : null;
  }

  /** Ends the workers; the team does not help afterwards. */
  close(): void {
    this.failed = true;
    postJob(this.ctrl, JOB_QUIT, ++this.seq);
  }

  private post(cmd: number, theta: Float64Array, out: Float64Array, shared: Float64Array, width: number): boolean {
    if (this.failed || this.pending !== null || !this.ready()) return false;
    this.theta.set(theta);
    this.pending = { kind: 'sum', out, shared, width };
    this.signal(cmd);
    return true;
  }

  private signal(cmd: number): void {
    postJob(this.ctrl, cmd, ++this.seq);
  }

  /** Waits for every worker to finish the pending job; false (and the team closed) when one failed. */
  private awaitAll(): boolean {
    this.pending = null;
    for (let part = 1; part <= this.workers.length; part++) {
      if (awaitJob(this.ctrl, DONE + part, this.seq) !== this.seq) {
        this.close();
        return false;
      }
    }
    return true;
  }

  private ready(): boolean {
    for (let part = 1; part <= this.workers.length; part++) {
      if (Atomics.load(this.ctrl, READY + part) !== 1) return false;
    }
    return true;
  }
}
