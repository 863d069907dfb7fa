import { describe, expect, it } from 'vitest';
import { startWorkers } from '../../src/runtime/worker-threads.ts';

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
