/**
 * Starting the worker threads of a team (the GBDT's histogram and prediction teams, the logistic
 * fit's loss team). Each team ships its worker program as CommonJS source text, evaluated by the
 * worker, so the same code runs under tsx, vitest and plain node with no TypeScript loader.
 */
import { Worker } from 'node:worker_threads';

/**
 * Starts one worker per entry of `parts`, each running `source` with `workerData(part)`. A worker's
 * error is swallowed: its team notices a dead worker by its ready flag or a job timeout. Workers
 * are unref'd, so an idle team never keeps a process alive. Null, with any worker already started
 * terminated, when one cannot be created (a sandbox without worker_threads): the team then
 * computes on the calling thread alone.
 */
export function startWorkers(source: string, parts: readonly number[], workerData: (part: number) => unknown): Worker[] | null {
  const workers: Worker[] = [];
  try {
    for (const part of parts) {
      const worker = new Worker(source, { eval: true, workerData: workerData(part) });
      worker.on('error', () => undefined);
      worker.unref();
      workers.push(worker);
    }
  } catch {
    for (const w of workers) void w.terminate();
    return null;
  }
  return workers;
}

/**
 * Blocks until ctrl[slot] holds `id` (the job finished) or −id (it failed), and returns that; 0
 * when neither came within `ms` (the worker is gone: its team then does the job itself). Teams'
 * jobs take milliseconds, so a minute of silence means a dead worker, not a slow one.
 */
export function awaitJob(ctrl: Int32Array, slot: number, id: number, ms = 60_000): number {
  const deadline = Date.now() + ms;
  for (;;) {
    // Wait on the value just compared, so a store between the check and the wait is not missed.
    const v = Atomics.load(ctrl, slot);
    if (v === id || v === -id) return v;
    const left = deadline - Date.now();
    if (left <= 0) return 0;
    Atomics.wait(ctrl, slot, v, left);
  }
}

/** Control-block slots every job team shares: the job's sequence number and its command. */
export const JOB_SEQ = 0;
export const JOB_CMD = 1;
/** The command that ends a team's workers. */
export const JOB_QUIT = -1;

/** Posts command `cmd` as job `seq`: the workers, asleep on the sequence slot, wake and read it. */
export function postJob(ctrl: Int32Array, cmd: number, seq: number): void {
  Atomics.store(ctrl, JOB_CMD, cmd);
  Atomics.store(ctrl, JOB_SEQ, seq);
  Atomics.notify(ctrl, JOB_SEQ);
}

/**
 * A worker's job loop as source text, for a program that has its control block in `ctrl`: it
 * reports ready at ctrl[`readySlot`], then for each job posted by `postJob` runs `body` (source,
 * with the job's `cmd` and sequence number `seen` in scope) and stores `seen` at ctrl[`doneSlot`],
 * or −seen when the body threw (what `awaitJob` waits for), until JOB_QUIT. Slots are source
 * expressions, e.g. `4 + d.part`.
 */
export function jobLoopSource(readySlot: string, doneSlot: string, body: string): string {
  return `
Atomics.store(ctrl, ${readySlot}, 1);
Atomics.notify(ctrl, ${readySlot});
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, ${JOB_SEQ}, seen);
  seen = Atomics.load(ctrl, ${JOB_SEQ});
  const cmd = Atomics.load(ctrl, ${JOB_CMD});
  if (cmd === ${JOB_QUIT}) break;
  let status = seen;
  try {
${body}
  } catch {
    status = -seen;
  }
  Atomics.store(ctrl, ${doneSlot}, status);
  Atomics.notify(ctrl, ${doneSlot});
}
`;
}

/** The nice value of helper threads (see `lowerPrioritySource`). */
export const HELPER_NICE = 10;

/**
 * Worker source that lowers the worker thread's scheduling priority to `nice` (Linux, where a
 * thread has its own; elsewhere nothing): for helpers beside a thread whose work is the critical
 * path (the batch job's drift counts and lines). On 2 busy cores, waking a helper at normal
 * priority often preempted the job's thread: 14 interleaved runs each of the 1M-row logistic job
 * took a median of 2.41 s with helpers at nice 0 and 2.22 s at nice 10 (measured).
 */
export function lowerPrioritySource(nice: number): string {
  if (!Number.isInteger(nice)) throw new Error(`lowerPrioritySource: ${nice} is not a whole nice value`);
  return `
if (process.platform === 'linux') {
  try {
    // setpriority on a thread id renices that thread alone on Linux; /proc/thread-self names it.
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) require('node:os').setPriority(tid, ${nice});
  } catch {}
}
`;
}
