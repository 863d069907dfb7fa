/**
 * DriftTeam: the numeric features' bins counted on a worker give the PSI of DriftCounter bit for
 * bit, when the worker takes the chunks, when it fails half-way, and when chunks outgrow a slot.
 */
import { describe, expect, it } from 'vitest';
import { DriftCounter, driftReference } from '../../src/score/drift.ts';
import { DriftTeam } from '../../src/score/drift-team.ts';
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

async function untilReady(team: DriftTeam, first: RawTable): Promise<void> {
  team.add(first);
  for (let waited = 0; !team.ready && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  expect(team.ready).toBe(true);
}

function alone(parts: RawTable[]) {
  const counter = new DriftCounter(reference);
  for (const p of parts) counter.add(p);
  return counter.result();
}

describe('DriftTeam', () => {
  it('gives the PSI of counting alone, bit for bit, with the worker counting most chunks', async () => {
    const parts = chunks(4096);
    const team = new DriftTeam(reference);
    try {
      await untilReady(team, parts[0]);
      for (const p of parts.slice(1)) team.add(p);
      const result = team.result();
      expect(team.workerJobs).toBe(parts.length - 1);
      expect(result).toEqual(alone(parts));
      expect(result.some((d) => d.psi > 0.01)).toBe(true);
    } finally {
      team.close();
    }
  });

  it('keeps the counts of the last job when closed before the result is asked for', async () => {
    const parts = chunks(4096);
    const team = new DriftTeam(reference);
    await untilReady(team, parts[0]);
    for (const p of parts.slice(1)) team.add(p);
    team.close();
    expect(team.workerJobs).toBe(parts.length - 1);
    expect(team.result()).toEqual(alone(parts));
  });

  it('counts a failed job again here and then works alone, with the same result', async () => {
    const parts = chunks(4096);
    const team = new DriftTeam(reference, { jobMs: 250 });
    try {
      await untilReady(team, parts[0]);
      for (const p of parts.slice(1, 5)) team.add(p);
      // The worker is gone: the job posted last never finishes.
      await (team as unknown as { worker: { worker: { terminate(): Promise<number> } } }).worker.worker.terminate();
      for (const p of parts.slice(5)) team.add(p);
      expect(team.result()).toEqual(alone(parts));
      expect(team.ready).toBe(false);
    } finally {
      team.close();
    }
  });

  it('counts chunks larger than a slot, and everything without threads, on this thread', async () => {
    const small = chunks(1000);
    const team = new DriftTeam(reference);
    try {
      await untilReady(team, small[0]);
      // The slots were sized for 1,000-row chunks (8,192 rows at the least).
      const big = [{ a: today.a.subarray(1000), plan: today.plan.slice(1000), b: today.b.subarray(1000), flag: today.flag.subarray(1000) }];
      for (const p of big) team.add(p);
      expect(team.result()).toEqual(alone([small[0], ...big]));
      expect(team.workerJobs).toBe(0);
    } finally {
      team.close();
    }
    const single = new DriftTeam(reference, { threads: 0 });
    for (const p of chunks(4096)) single.add(p);
    expect(single.result()).toEqual(alone(chunks(4096)));
    single.close();
  });
});
