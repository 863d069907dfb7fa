/**
 * The process's worker pool: every parallel loop of the library (histograms, prediction, TreeSHAP,
 * the logistic loss and margins, drift counts, score lines) runs here as a kernel over chunks.
 * The caller says how many threads a call may use (the calling thread included, as scikit-learn's
 * `n_threads`); the pool starts workers on first need and keeps them, unref'd, so a script exits
 * when its work is done.
 *
 * One rule for failure: a chunk whose worker threw, died or stalls is computed again on the
 * calling thread at once, and a stalled worker is replaced. Kernels write only their chunk's part
 * of the output, so the result is the same bits whoever computed each chunk.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { claimChunk, controlBlock, DONE, FAILED, MAIN, TAKEN } from './chunk-status.ts';
import { threadContext, type Kernel } from './kernel.ts';
import type { JobDone, WorkerMessage } from './messages.ts';

/** The most workers a pool keeps. */
const MAX_WORKERS = 15;
// A chunk unfinished this long after the calling thread began waiting for it — and at least
// STALL_FACTOR times the calling thread's slowest chunk of the job — is taken for stalled.
const MIN_STALL_MS = 500;
const STALL_FACTOR = 20;
/** How long an asynchronous job waits for a worker's answer before doing the rest itself. */
const ASYNC_STALL_MS = 10_000;

let threadsDefault = availableParallelism();

/**
 * The thread count a parallel call uses when its caller gives none: the machine's cores unless
 * the top of the program (the CLI's `--threads`, a library user) set another.
 *
 * @example
 * ```ts
 * import { defaultThreads } from 'healthscore';
 * console.log(defaultThreads() >= 1); // => true
 * ```
 */
export const defaultThreads = (): number => threadsDefault;

/**
 * Sets the default thread count of the library's parallel work (the calling thread included;
 * 1 = no worker threads), as the CLI's `--threads` does. Calls that take a `threads` option
 * override it for themselves.
 *
 * @example
 * ```ts
 * import { defaultThreads, setDefaultThreads } from 'healthscore';
 * setDefaultThreads(2);
 * console.log(defaultThreads()); // => 2
 * ```
 */
export function setDefaultThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`setDefaultThreads: ${threads} is not a whole number ≥ 1`);
  threadsDefault = threads;
}

interface PoolWorker {
  readonly owner: number;
  readonly worker: Worker;
  /** Asynchronous jobs waiting for this worker's answer. */
  readonly pending: Map<number, (ok: boolean) => void>;
  alive: boolean;
  /** True once the worker has said it is listening: asynchronous jobs go to ready workers only. */
  ready: boolean;
}

/** A job of `WorkerPool.submit`. */
export interface AsyncJob {
  /** Resolves when every chunk is computed; rejects as the calling thread's share of it did. */
  readonly done: Promise<void>;
  /** Every chunk computed (without waiting for the workers' answers). */
  finished(): boolean;
}

/** A value the pool's threads can read by id inside kernels (`context.resource(id)`). */
export interface SharedResource {
  readonly id: number;
  release(): void;
}

/** How to start a worker: the compiled entry, or in the source tree the TypeScript one through tsx. */
function startWorker(owner: number): Worker {
  const compiled = !import.meta.url.endsWith('.ts');
  return new Worker(compiled ? new URL('./worker.js', import.meta.url) : sourceTreeWorker(), { eval: !compiled, workerData: { owner } });
}

/**
 * Node 20 applies no ESM loader hooks inside workers, so the source tree's worker loads through
 * tsx's CommonJS hook (tests, tsx scripts); the package runs compiled JavaScript and needs no tsx.
 */
function sourceTreeWorker(): string {
  const require = createRequire(import.meta.url);
  return `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(fileURLToPath(new URL('./worker.ts', import.meta.url)))});`;
}

export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly resources = new Map<number, unknown>();
  private readonly derived = new Map<number, unknown>();
  private nextOwner = 1;
  private nextResource = 1;
  private jobs = 0;
  private closed = false;
  /** False once a worker could not be created: every later call runs on the calling thread. */
  private canStart = true;

  private readonly context = threadContext(this.resources, this.derived, 'WorkerPool');

  /** Workers started so far and alive (for tests and diagnostics). */
  get size(): number {
    return this.workers.length;
  }

  /** Starts the workers a call on `threads` threads would use, so that they are up by its first job. */
  prestart(threads: number): void {
    this.helpers(threads - 1);
  }

  /** Shares `value` (numbers, strings, shared memory…) with every worker, now and started later. */
  share(value: unknown): SharedResource {
    const id = this.nextResource++;
    this.resources.set(id, value);
    for (const w of this.workers) this.post(w, { type: 'share', id, value });
    return {
      id,
      release: () => {
        if (!this.resources.delete(id)) return;
        this.derived.delete(id);
        for (const w of this.workers) this.post(w, { type: 'release', id });
      },
    };
  }

  /**
   * Computes chunks 0…chunks−1 of kernel `k` on up to `threads` threads, the calling thread
   * among them, and returns when every chunk is done. With `threads` ≤ 1 or one chunk the calling
   * thread does all.
   */
  run<A>(k: Kernel<A>, args: A, chunks: number, threads: number): void {
    this.begin(k, args, chunks, threads).finish();
  }

  /**
   * `run` in two steps: the workers start on the chunks now, and `finish()` (synchronous) has the
   * calling thread compute what they have not taken, then waits for the rest, so the caller can do
   * other work in between (e.g. convert the next chunk of rows while TensorFlow.js uses this one).
   */
  begin<A>(k: Kernel<A>, args: A, chunks: number, threads: number): { finish(): void } {
    const helpers = this.helpers(Math.min(chunks, threads) - 1);
    if (helpers.length === 0) {
      return {
        finish: () => {
          for (let c = 0; c < chunks; c++) k.run(args, c, this.context);
        },
      };
    }
    const ctrl = controlBlock(chunks);
    const job = ++this.jobs;
    for (const w of helpers) this.post(w, { type: 'job', job, module: k.module, name: k.name, args, ctrl, chunks, reply: false });
    return {
      finish: () => {
        let slowest = 0;
        for (let c = claimChunk(ctrl, chunks, MAIN); c >= 0; c = claimChunk(ctrl, chunks, MAIN)) {
          const t = performance.now();
          k.run(args, c, this.context);
          Atomics.store(ctrl, 1 + c, DONE);
          slowest = Math.max(slowest, performance.now() - t);
        }
        const stallMs = Math.max(MIN_STALL_MS, STALL_FACTOR * slowest);
        for (let c = 0; c < chunks; c++) this.awaitChunk(k, args, ctrl, c, stallMs);
      },
    };
  }

  /**
   * Computes the chunks on worker threads while the calling thread goes on; resolves when all are
   * done. Chunks no worker could do (none started, or one failed, died or stalled) are computed
   * on the calling thread before it resolves.
   */
  runAsync<A>(k: Kernel<A>, args: A, chunks: number, threads: number): Promise<void> {
    return this.submit(k, args, chunks, threads).done;
  }

  /**
   * `runAsync` with a view of the job's progress: `finished()` is true as soon as every chunk is
   * computed, before the workers' answers reach this thread's event loop, so a caller can use the
   * output (or see the pool is still busy) without yielding to it.
   */
  submit<A>(k: Kernel<A>, args: A, chunks: number, threads: number): AsyncJob {
    const ctrl = controlBlock(chunks);
    const done = this.computeAsync(k, args, chunks, threads, ctrl);
    // Its failure surfaces where the caller awaits it, not as an unhandled rejection meanwhile.
    done.catch(() => undefined);
    return {
      done,
      finished: () => {
        for (let c = 0; c < chunks; c++) {
          const s = Atomics.load(ctrl, 1 + c);
          // TAKEN: the calling thread computed the chunk (it computes a chunk it takes at once).
          if (s !== DONE && s !== TAKEN) return false;
        }
        return true;
      },
    };
  }

  private async computeAsync<A>(k: Kernel<A>, args: A, chunks: number, threads: number, ctrl: Int32Array): Promise<void> {
    // A worker still starting would make the caller wait for its start-up: the calling thread
    // computes what no ready worker can take.
    const helpers = this.helpers(Math.min(chunks, threads - 1), true).filter((w) => w.ready);
    if (helpers.length > 0) {
      const job = ++this.jobs;
      const answers = helpers.map(
        (w) =>
          new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), ASYNC_STALL_MS);
            w.pending.set(job, (ok) => {
              clearTimeout(timer);
              resolve(ok);
            });
            // While it holds a job, a worker must keep the process alive under the caller's await.
            w.worker.ref();
            this.post(w, { type: 'job', job, module: k.module, name: k.name, args, ctrl, chunks, reply: true });
          }),
      );
      await Promise.all(answers);
      for (const w of helpers) {
        w.pending.delete(job);
        if (w.pending.size === 0) w.worker.unref();
      }
    }
    for (let c = 0; c < chunks; c++) this.takeOver(k, args, ctrl, c);
  }

  /** Ends every worker; the pool then computes on the calling thread alone. */
  close(): void {
    this.closed = true;
    for (const w of [...this.workers]) this.lose(w.owner);
  }

  /** Waits for chunk c of a synchronous job, computing it here when its worker failed, died or stalls. */
  private awaitChunk<A>(k: Kernel<A>, args: A, ctrl: Int32Array, c: number, stallMs: number): void {
    const deadline = performance.now() + stallMs;
    for (;;) {
      const s = Atomics.load(ctrl, 1 + c);
      const left = deadline - performance.now();
      if (s === DONE || s === TAKEN || s === FAILED || left <= 0) break;
      Atomics.wait(ctrl, 1 + c, s, left);
    }
    this.takeOver(k, args, ctrl, c);
  }

  /**
   * Computes chunk c on the calling thread unless it is done: it is unclaimed, failed, or held by a
   * worker that died or stalls, which is replaced so that it cannot hold up later jobs too.
   */
  private takeOver<A>(k: Kernel<A>, args: A, ctrl: Int32Array, c: number): void {
    for (;;) {
      const s = Atomics.load(ctrl, 1 + c);
      if (s === DONE || s === TAKEN) return;
      if (Atomics.compareExchange(ctrl, 1 + c, s, TAKEN) !== s) continue;
      if (s > 0) this.lose(s);
      try {
        k.run(args, c, this.context);
      } catch (error) {
        Atomics.store(ctrl, 1 + c, FAILED);
        throw error;
      }
      return;
    }
  }

  /** Up to `n` live workers, starting new ones as needed (they join jobs once up); idle ones first when `idleFirst`. */
  private helpers(n: number, idleFirst = false): PoolWorker[] {
    const want = Math.min(MAX_WORKERS, Math.max(0, Math.floor(n)));
    while (this.workers.length < want && this.canStart && !this.closed) {
      const w = this.start();
      if (w === null) break;
    }
    const live = this.workers.filter((w) => w.alive);
    if (idleFirst) live.sort((a, b) => a.pending.size - b.pending.size);
    return live.slice(0, want);
  }

  private start(): PoolWorker | null {
    const owner = this.nextOwner++;
    let worker: Worker;
    try {
      worker = startWorker(owner);
    } catch {
      // A sandbox without worker threads: the calling thread computes everything.
      this.canStart = false;
      return null;
    }
    const w: PoolWorker = { owner, worker, pending: new Map(), alive: true, ready: false };
    worker.on('message', (m: JobDone | { type: 'ready' }) => {
      if (m.type === 'ready') w.ready = true;
      else w.pending.get(m.job)?.(m.ok);
    });
    // A worker that dies answers no more: its jobs' callers compute its chunks themselves.
    const gone = (): void => {
      this.forget(w);
      for (const answer of w.pending.values()) answer(false);
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    // After the listeners: on Node 20 adding a 'message' listener refs the worker again.
    worker.unref();
    this.workers.push(w);
    for (const [id, value] of this.resources) this.post(w, { type: 'share', id, value });
    return w;
  }

  private post(w: PoolWorker, m: WorkerMessage): void {
    try {
      w.worker.postMessage(m);
    } catch {
      this.lose(w.owner);
    }
  }

  /** Ends worker `owner` and drops it from the pool; a later job starts a new one. */
  private lose(owner: number): void {
    const w = this.workers.find((x) => x.owner === owner);
    if (w === undefined) return;
    this.forget(w);
    void w.worker.terminate();
  }

  private forget(w: PoolWorker): void {
    w.alive = false;
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
  }
}

let processPool: WorkerPool | null = null;

/** The pool of this process, created on first use. */
export function workerPool(): WorkerPool {
  return (processPool ??= new WorkerPool());
}
