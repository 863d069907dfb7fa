/**
 * DriftCounts: the batch job's drift counts give the PSI of DriftCounter bit for bit whether the
 * pool counts the numeric features or the calling thread does, and when the pool's workers end
 * half-way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { workerPool } from '../../src/parallel/pool.ts';
import { poolWorkersUp } from '../support/pool-workers.ts';
import { DriftCounter, driftReference } from '../../src/score/drift.ts';
import { DriftCounts } from '../../src/score/drift-counts.ts';
import { numericBinsKernel } from '../../src/score/numeric-bins-kernel.ts';
import type { RawTable } from '../../src/learn/preprocess/spec.ts';

const N = 60_000;
const features = [
  { name: 'a', type: 'numeric' as const },
  { name: 'plan', type: 'categorical' as const },
  { name: 'b', type: 'numeric' as const },
  { name: 'flag', type: 'numeric' as const },
];
const today = {
  a: Float64Array.from({ length: N }, (_, i) => (i % 11 === 0 ? Number.NaN : Math.sin(i) * 10 + (i > N / 2 ? 3 : 0))),
  plan: Array.from({ length: N }, (_, i) => (i % 13 === 0 ? null : ['basic', 'pro', 'new'][i % 3])),
  b: Float64Array.from({ length: N }, (_, i) => (i * 7919) % 1000),
  flag: Float64Array.from({ length: N }, (_, i) => i % 2),
};
const reference = driftReference(
  { a: today.a.map((v) => v * 0.8), plan: today.plan.map((p) => (p === 'new' ? 'basic' : p)), b: today.b.map((v) => v / 2), flag: today.flag },
  features,
);

function chunks(size: number): RawTable[] {
  const out: RawTable[] = [];
  for (let at = 0; at < N; at += size) {
    const to = Math.min(N, at + size);
    out.push({ a: today.a.subarray(at, to), plan: today.plan.slice(at, to), b: today.b.subarray(at, to), flag: today.flag.subarray(at, to) });
  }
  return out;
}

function alone(parts: RawTable[]) {
  const counter = new DriftCounter(reference);
  for (const p of parts) counter.add(p);
  return counter.result();
}

/** Adds the chunks as the job does, the event loop turning between them (the job awaits its reading). */
async function counted(counts: DriftCounts, parts: RawTable[]) {
  for (const p of parts) {
    await counts.add(p);
    await sleep(2);
  }
  return counts.result();
}

describe('DriftCounts', () => {
  // The worker up before the tests count what it did.
  beforeAll(() => poolWorkersUp());
  afterEach(() => vi.restoreAllMocks());

  it('gives the PSI of counting alone, bit for bit, with the pool counting the numeric features', async () => {
    const jobs = vi.spyOn(workerPool(), 'submit');
    // The kernel's runs on this thread (a worker runs its own import of it).
    const here = vi.spyOn(numericBinsKernel, 'run');
    const parts = chunks(4096);
    const result = await counted(new DriftCounts(reference, 4096, 2), parts);
    expect(jobs.mock.calls.length).toBeGreaterThan(here.mock.calls.length);
    expect(result).toEqual(alone(parts));
    expect(result.some((d) => d.psi > 0.01)).toBe(true);
  });

  it('counts on the calling thread with one thread, or chunks larger than its capacity, the same PSI', async () => {
    const jobs = vi.spyOn(workerPool(), 'submit');
    expect(await counted(new DriftCounts(reference, 4096, 1), chunks(4096))).toEqual(alone(chunks(4096)));
    expect(await counted(new DriftCounts(reference, 1000, 2), chunks(4096))).toEqual(alone(chunks(4096)));
    expect(jobs).not.toHaveBeenCalled();
  });

  // Last: the process's pool computes on the calling thread alone once closed.
  it('gives the same PSI when the pool ends its workers half-way', async () => {
    const parts = chunks(2048);
    const counts = new DriftCounts(reference, 2048, 2);
    for (const [k, p] of parts.entries()) {
      await counts.add(p);
      if (k === 8) workerPool().close();
      await sleep(2);
    }
    expect(await counts.result()).toEqual(alone(parts));
    expect(workerPool().size).toBe(0);
  });
});
