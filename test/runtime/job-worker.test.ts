import { describe, expect, it } from 'vitest';
import { JobWorker } from '../../src/runtime/job-worker.ts';

// Job `seen` doubles its command into out[seen]; a command of 13 throws.
const SOURCE = JobWorker.source(
  `const out = new Int32Array(workerData.out);`,
  `
    if (cmd === 13) throw new Error('unlucky');
    out[seen] = 2 * cmd;
`,
);

async function started(jobMs = 5_000): Promise<{ worker: JobWorker; out: Int32Array }> {
  const out = new Int32Array(new SharedArrayBuffer(64));
  const worker = JobWorker.start(SOURCE, { out: out.buffer }, jobMs);
  expect(worker).not.toBeNull();
  for (let waited = 0; !worker!.ready && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  expect(worker!.ready).toBe(true);
  return { worker: worker!, out };
}

describe('JobWorker', () => {
  it('runs posted jobs one at a time, numbered from 1, a skipped number left to the team', async () => {
    const { worker, out } = await started();
    try {
      expect(worker.next).toBe(1);
      worker.post(5);
      expect(worker.await()).toBe(true);
      worker.skip();
      worker.post(7);
      expect(worker.await()).toBe(true);
      expect(Array.from(out.subarray(0, 4))).toEqual([0, 10, 0, 14]);
      expect(worker.next).toBe(4);
    } finally {
      worker.close();
    }
  });

  it('gives the worker up at a failed job: await is false and it is no longer ready', async () => {
    const { worker } = await started();
    worker.post(13);
    expect(worker.await()).toBe(false);
    expect(worker.ready).toBe(false);
  });

  it('gives the worker up when a job stays silent past its time', async () => {
    const { worker } = await started(200);
    await (worker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    worker.post(1);
    const t = performance.now();
    expect(worker.await()).toBe(false);
    expect(performance.now() - t).toBeGreaterThanOrEqual(150);
    expect(worker.ready).toBe(false);
  });

  it('refuses a second job before the first is awaited, and an await with nothing pending', async () => {
    const { worker } = await started();
    try {
      expect(() => worker.await()).toThrow(/no job is pending/);
      worker.post(1);
      expect(() => worker.post(2)).toThrow(/not awaited/);
      expect(() => worker.skip()).toThrow(/not awaited/);
      expect(worker.await()).toBe(true);
      // Closed with a job pending: its await does not wait.
      worker.post(3);
      worker.close();
      expect(worker.await()).toBe(false);
    } finally {
      worker.close();
    }
  });
});
