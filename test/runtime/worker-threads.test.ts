import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { awaitJob, JOB_QUIT, jobLoopSource, lowerPrioritySource, postJob, startWorkers } from '../../src/runtime/worker-threads.ts';

describe('startWorkers', () => {
  it('starts one worker per part, each with its own data', async () => {
    const source = `const { workerData, parentPort } = require('node:worker_threads'); parentPort.postMessage(workerData.part * 10);`;
    const workers = startWorkers(source, [1, 2, 3], (part) => ({ part }));
    expect(workers).toHaveLength(3);
    const replies = await Promise.all(workers!.map((w) => new Promise<number>((resolve) => w.once('message', resolve))));
    expect(replies).toEqual([10, 20, 30]);
  });

  it('swallows a worker’s error: its team notices the silence, the process does not crash', async () => {
    const workers = startWorkers(`throw new Error('boom');`, [1], () => null);
    const exitCode = await new Promise<number>((resolve) => workers![0].once('exit', resolve));
    expect(exitCode).toBe(1);
  });

  it('returns null when a worker cannot be created', () => {
    // A function cannot be cloned into workerData, so the Worker constructor throws.
    expect(startWorkers(`0`, [1], () => ({ f: () => 1 }))).toBeNull();
  });
});

describe('awaitJob', () => {
  it('returns the job id once a worker stores it, and its negation for a failure', async () => {
    const ctrl = new Int32Array(new SharedArrayBuffer(8));
    const source = `const { workerData } = require('node:worker_threads'); const c = new Int32Array(workerData);
      setTimeout(() => { Atomics.store(c, 0, 7); Atomics.notify(c, 0); Atomics.store(c, 1, -7); Atomics.notify(c, 1); }, 50);`;
    const workers = startWorkers(source, [1], () => ctrl.buffer)!;
    expect(awaitJob(ctrl, 0, 7, 5000)).toBe(7);
    expect(awaitJob(ctrl, 1, 7, 5000)).toBe(-7);
    await new Promise((resolve) => workers[0].once('exit', resolve));
  });

  it('gives 0 when the job stays silent past its time', () => {
    const ctrl = new Int32Array(new SharedArrayBuffer(4));
    const t = Date.now();
    expect(awaitJob(ctrl, 0, 3, 100)).toBe(0);
    expect(Date.now() - t).toBeGreaterThanOrEqual(90);
  });
});

describe('jobLoopSource / postJob', () => {
  it('runs each posted job, reports failures as −seq, and ends on JOB_QUIT', async () => {
    const ctrl = new Int32Array(new SharedArrayBuffer(8 * 4));
    const body = `if (cmd === 2) throw new Error('bad job'); ctrl[5] = cmd * 100 + seen;`;
    const source = `const { workerData } = require('node:worker_threads'); const ctrl = new Int32Array(workerData);${jobLoopSource('2', '3', body)}`;
    const [worker] = startWorkers(source, [1], () => ctrl.buffer)!;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    for (let t = 0; Atomics.load(ctrl, 2) !== 1 && t < 200; t++) await new Promise((r) => setTimeout(r, 25));
    postJob(ctrl, 1, 1);
    expect(awaitJob(ctrl, 3, 1, 5000)).toBe(1);
    expect(ctrl[5]).toBe(101);
    postJob(ctrl, 2, 2);
    expect(awaitJob(ctrl, 3, 2, 5000)).toBe(-2);
    postJob(ctrl, JOB_QUIT, 3);
    expect(await exited).toBe(0);
  });
});

describe('lowerPrioritySource', () => {
  /** Field 19 of /proc/<pid>/task/<tid>/stat: the thread's nice value. */
  const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  const linux = process.platform === 'linux';

  it.skipIf(!linux)('renices the worker thread alone (Linux)', async () => {
    const source = `${lowerPrioritySource(7)}
const fs = require('node:fs');
require('node:worker_threads').parentPort.postMessage(fs.readFileSync('/proc/thread-self/stat', 'utf8'));`;
    const [worker] = startWorkers(source, [0], () => null)!;
    const stat = await new Promise<string>((resolve) => worker.once('message', resolve));
    void worker.terminate();
    const here = niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
    // This thread keeps its own (0, unless the tests run under nice, when 7 may not be allowed).
    if (here === 0) expect(niceOf(stat)).toBe(7);
    else expect(niceOf(stat)).toBeGreaterThanOrEqual(here);
  });

  it('refuses a nice value that is not a whole number', () => {
    expect(() => lowerPrioritySource(2.5)).toThrow(/whole/);
  });
});
