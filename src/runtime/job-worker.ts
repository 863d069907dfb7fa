/**
 * One helper worker thread that a team hands one job at a time: the batch job's drift counts
 * (score/drift-team.ts) and score lines (score/line-team.ts). The worker runs the job loop of
 * worker-threads.ts; the team posts a job, does its own work meanwhile, and waits for the job
 * before it posts the next. The first job that fails or stays silent gives the worker up: the
 * team then does that job, and every later one, itself.
 */
import type { Worker } from 'node:worker_threads';
import { awaitJob, JOB_QUIT, jobLoopSource, postJob, startWorkers } from './worker-threads.ts';

// Control block: JOB_SEQ and JOB_CMD (worker-threads.ts), READY, DONE.
const READY = 2;
const DONE = 3;

/** How a team with one helper worker is asked to run. */
export interface HelperOptions {
  /** 0: the team does everything on the calling thread. */
  readonly threads?: 0 | 1;
  /** How long a job may stay silent before the worker counts as gone (`awaitJob`'s default if not given). */
  readonly jobMs?: number;
}

export class JobWorker {
  /** The id of the last job posted or skipped (jobs are numbered from 1). */
  private last = 0;
  private pending = false;
  private gone = false;

  private constructor(
    private readonly worker: Worker,
    private readonly ctrl: Int32Array,
    private readonly jobMs: number | undefined,
  ) {}

  /**
   * The worker's program: `prelude` (where `workerData` and the control block `ctrl` are defined),
   * then the job loop running `body` with the job's id as `seen` and its command as `cmd`.
   */
  static source(prelude: string, body: string): string {
    return `
const { workerData } = require('node:worker_threads');
const ctrl = new Int32Array(workerData.ctrl);
${prelude}
${jobLoopSource(String(READY), String(DONE), body)}
`;
  }

  /**
   * Starts the worker on `workerData` (its control block added as `ctrl`) without waiting for it;
   * null where no worker can be started.
   */
  static start(source: string, workerData: Record<string, unknown>, jobMs?: number): JobWorker | null {
    const ctrl = new Int32Array(new SharedArrayBuffer(4 * 4));
    const workers = startWorkers(source, [0], () => ({ ...workerData, ctrl: ctrl.buffer }));
    return workers === null ? null : new JobWorker(workers[0], ctrl, jobMs);
  }

  /** True once the worker is up, until it is given up or closed. */
  get ready(): boolean {
    return !this.gone && Atomics.load(this.ctrl, READY) === 1;
  }

  /** The id the next job will have: a team that keeps one slot per job parity picks it by this. */
  get next(): number {
    return this.last + 1;
  }

  /** Posts job `next` with command `cmd` (≥ 0); the job before must have been awaited. */
  post(cmd: number): void {
    if (this.pending) throw new Error('JobWorker.post: the last job was not awaited');
    postJob(this.ctrl, cmd, ++this.last);
    this.pending = true;
  }

  /** Job `next` was done by the team itself (the worker was not ready): the following job takes the other slot. */
  skip(): void {
    if (this.pending) throw new Error('JobWorker.skip: the last job was not awaited');
    this.last++;
  }

  /**
   * Waits for the job posted last: true when the worker did it. False when it failed or stayed
   * silent past `jobMs` (the worker is then given up), or the worker was closed meanwhile.
   */
  await(): boolean {
    if (!this.pending) throw new Error('JobWorker.await: no job is pending');
    this.pending = false;
    if (this.gone) return false;
    if (awaitJob(this.ctrl, DONE, this.last, this.jobMs) === this.last) return true;
    this.close();
    return false;
  }

  /** Ends the worker (it quits after a job it is running); `ready` is false from now on. */
  close(): void {
    if (this.gone) return;
    this.gone = true;
    postJob(this.ctrl, JOB_QUIT, this.last + 1);
    void this.worker.terminate();
  }
}
