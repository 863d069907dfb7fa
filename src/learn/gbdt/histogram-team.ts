/**
 * Worker threads that build a node's histograms together with the main thread: the features are
 * cut into contiguous shares, one per thread, over memory every thread sees (SharedArrayBuffer).
 * Our own implementation, in the manner of LightGBM's and scikit-learn's feature-parallel OpenMP
 * loops.
 *
 * Training stays synchronous: the main thread publishes a job in a shared control block, wakes the
 * workers with Atomics.notify, does its own share, then Atomics.waits for theirs. Each feature is
 * summed by exactly one thread, in row order, by the same function (`accumulateHistogram`, shipped
 * to the workers as source text so that they need no TypeScript loader: the same code runs under
 * tsx, vitest and plain node), so the histograms — and the trees — are identical to a
 * single-threaded run.
 */
import type { Worker } from 'node:worker_threads';
import { awaitJob, JOB_QUIT, jobLoopSource, postJob, startWorkers } from '../../runtime/worker-threads.ts';
import type { BinnedMatrix } from './binning.ts';
import { accumulateHistogram } from './histogram.ts';

const WIDTH = 768;
// Control block slots after JOB_SEQ and JOB_CMD, and the one command.
const START = 2;
const COUNT = 3;
const NFEAT = 4;
const READY = 8;
const DONE = 24;
const MAX_WORKERS = 15;
const HISTOGRAM = 1;

/** Start of share `part` of `parts` over nf features, on a multiple of 4 (the loop's unroll). */
function shareStart(nf: number, part: number, parts: number): number {
  return part >= parts ? nf : Math.min(nf, 4 * Math.round((part * nf) / parts / 4));
}

// The worker's whole program. Functions are pasted in as source; everything else comes through
// workerData as shared buffers.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const accumulateHistogram = ${accumulateHistogram.toString()};
const shareStart = ${shareStart.toString()};
const { ctrl: c, codes: cb, idx: ib, gh: gb, feats: fb, staging: sb, rows, part, parts } = workerData;
const ctrl = new Int32Array(c), codes = new Uint8Array(cb), idx = new Uint32Array(ib);
const gh = new Float64Array(gb), feats = new Int32Array(fb), staging = new Float64Array(sb);
${jobLoopSource(`${READY} + part`, `${DONE} + part`, `
  const nf = ctrl[${NFEAT}];
  accumulateHistogram(codes, rows, gh, idx, ctrl[${START}], ctrl[${COUNT}], feats, shareStart(nf, part, parts), shareStart(nf, part + 1, parts), staging);`)}
`;

export class HistogramTeam {
  private seq = 0;
  /** Set when a worker failed or went silent: the main thread then builds every share itself. */
  private broken = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly ctrl: Int32Array,
    private readonly codes: Uint8Array,
    private readonly rows: number,
    /** The grower's row index array: workers read the node's rows from it. */
    readonly idx: Uint32Array,
    /** The gathered gradients and hessians of the node being built (g, h interleaved). */
    readonly gh: Float64Array,
    private readonly feats: Int32Array,
    private readonly staging: Float64Array,
    private readonly jobMs: number,
  ) {}

  /**
   * Starts `threads − 1` workers over the binned training matrix. Returns null — and the caller
   * trains single-threaded — when fewer than two threads are asked for, or when the workers cannot
   * be started or do not report ready within `readyMs` (a sandbox without worker_threads, a
   * starved machine). A job unanswered within `jobMs` means a dead worker (see `accumulate`).
   */
  static start(binned: BinnedMatrix, threads: number, readyMs = 10_000, jobMs = 60_000): HistogramTeam | null {
    const nWorkers = Math.min(MAX_WORKERS, Math.floor(threads) - 1);
    if (nWorkers < 1) return null;
    const shared = (bytes: number): SharedArrayBuffer => new SharedArrayBuffer(Math.max(8, bytes));
    const ctrl = new Int32Array(shared(64 * 4));
    const codes = new Uint8Array(shared(binned.codes.length));
    codes.set(binned.codes);
    const idx = new Uint32Array(shared(binned.rows * 4));
    const gh = new Float64Array(shared(binned.rows * 16));
    const feats = new Int32Array(shared(binned.cols * 4));
    const staging = new Float64Array(shared(binned.cols * WIDTH * 8));
    const parts = Array.from({ length: nWorkers }, (_, k) => k + 1);
    const workers = startWorkers(WORKER_SOURCE, parts, (part) => ({
      ctrl: ctrl.buffer,
      codes: codes.buffer,
      idx: idx.buffer,
      gh: gh.buffer,
      feats: feats.buffer,
      staging: staging.buffer,
      rows: binned.rows,
      part,
      parts: nWorkers + 1,
    }));
    if (workers === null) return null;
    const stopAll = (): void => postJob(ctrl, JOB_QUIT, 1);
    const deadline = Date.now() + readyMs;
    for (let part = 1; part <= nWorkers; part++) {
      while (Atomics.load(ctrl, READY + part) !== 1) {
        const left = deadline - Date.now();
        if (left <= 0) {
          stopAll();
          return null;
        }
        Atomics.wait(ctrl, READY + part, 0, Math.min(left, 50));
      }
    }
    return new HistogramTeam(workers, ctrl, codes, binned.rows, idx, gh, feats, staging, jobMs);
  }

  /**
   * Histograms of the rows idx[start..start+n) (gradients already gathered into `gh`) for the
   * listed features, into `out`. Cost: the main thread's share of n × features updates, plus a
   * copy of the workers' shares (features × 768 numbers).
   */
  accumulate(start: number, n: number, features: Int32Array, out: Float64Array): void {
    const nf = features.length;
    if (this.broken) {
      accumulateHistogram(this.codes, this.rows, this.gh, this.idx, start, n, features, 0, nf, out);
      return;
    }
    const ctrl = this.ctrl;
    const parts = this.workers.length + 1;
    this.feats.set(features);
    ctrl[START] = start;
    ctrl[COUNT] = n;
    ctrl[NFEAT] = nf;
    const seq = ++this.seq;
    postJob(ctrl, HISTOGRAM, seq);
    accumulateHistogram(this.codes, this.rows, this.gh, this.idx, start, n, features, 0, shareStart(nf, 1, parts), out);
    for (let part = 1; part < parts; part++) {
      const from = shareStart(nf, part, parts);
      const to = shareStart(nf, part + 1, parts);
      // A worker that threw, or (once broken) is no longer waited for: its share is built here, by
      // the same function in the same order, so the histogram and the trees do not change.
      if (this.broken || awaitJob(ctrl, DONE + part, seq, this.jobMs) !== seq) {
        this.broken = true;
        accumulateHistogram(this.codes, this.rows, this.gh, this.idx, start, n, features, from, to, out);
        continue;
      }
      for (let q = from; q < to; q++) {
        const o = features[q] * WIDTH;
        out.set(this.staging.subarray(o, o + WIDTH), o);
      }
    }
  }

  /** Lets the workers finish; the team cannot be used afterwards. */
  close(): void {
    postJob(this.ctrl, JOB_QUIT, ++this.seq);
  }
}
