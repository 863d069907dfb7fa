import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { planForest, predictPlan } from '../../../src/learn/gbdt/predict.ts';
import { PredictionTeam } from '../../../src/learn/gbdt/predict-team.ts';
import { sharedMatrix } from '../../../src/learn/matrix.ts';
import type { Matrix } from '../../../src/learn/matrix.ts';
import { synthetic } from './dataset.ts';

/** Bitwise equality of two margin arrays (Object.is tells −0 from 0 and matches NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * Predicts until the workers have done some of the rows (the main thread takes back jobs they have
 * not started, so on a busy machine a call may run alone), checking every call's bits. Returns
 * whether the workers ever helped.
 */
function workersHelp(team: PredictionTeam, m: Matrix, base: number, alone: Float64Array): boolean {
  for (let k = 0; k < 50; k++) {
    expect(sameBits(team.predict(m, base), alone)).toBe(true);
    if (team.workerRows > 0) return true;
  }
  return false;
}

const { x, y } = synthetic(3000, 6, 31, 0.1);
// Leaf-wise trees are lopsided ('auto' compiles them), depth-wise ones are walked packed.
const leafwise = trainGbdt(x, y, { maxIter: 20, maxLeafNodes: 15, minSamplesLeaf: 5 }).model;
const depthwise = trainGbdt(x, y, { maxIter: 20, growth: 'depthwise', maxLeafNodes: null, maxDepth: 5, minSamplesLeaf: 5 }).model;
// Fresh rows, a fifth of the values missing: enough for every worker to get several chunks.
const rows = synthetic(40_000, 6, 32, 0.2).x;

describe('PredictionTeam', () => {
  it('gives the single-threaded margins bit for bit, compiled, packed and mixed, with 2 and 3 threads', () => {
    for (const model of [leafwise, depthwise]) {
      for (const mode of ['always', 'auto', 'never'] as const) {
        const plan = planForest(model.trees, 6, mode);
        const alone = predictPlan(plan, rows, model.baseline);
        for (const threads of [2, 3]) {
          const team = PredictionTeam.start(plan, threads);
          expect(team?.waitReady()).toBe(true);
          if (!team) return;
          try {
            expect(workersHelp(team, rows, model.baseline, alone)).toBe(true);
          } finally {
            team.close();
          }
        }
      }
    }
  });

  it('reads a matrix in shared memory in place, with the same margins', () => {
    const shared = sharedMatrix(rows.rows, rows.cols);
    shared.data.set(rows.data);
    const plan = planForest(leafwise.trees, 6);
    const team = PredictionTeam.start(plan, 2);
    expect(team?.waitReady()).toBe(true);
    if (!team) return;
    try {
      expect(workersHelp(team, shared, leafwise.baseline, predictPlan(plan, rows, leafwise.baseline))).toBe(true);
    } finally {
      team.close();
    }
  });

  it('predicts alone, with the same margins, when its workers do not come up in time', () => {
    const plan = planForest(depthwise.trees, 6);
    const team = PredictionTeam.start(plan, 2, 0);
    if (!team) return;
    expect(sameBits(team.predict(rows, depthwise.baseline), predictPlan(plan, rows, depthwise.baseline))).toBe(true);
    expect(team.workerRows).toBe(0);
    expect(team.usable).toBe(false);
  });

  it('predicts alone after it is closed', () => {
    const plan = planForest(leafwise.trees, 6);
    const team = PredictionTeam.start(plan, 2);
    expect(team).not.toBeNull();
    team?.close();
    expect(sameBits(team?.predict(rows, leafwise.baseline) ?? new Float64Array(), predictPlan(plan, rows, leafwise.baseline))).toBe(true);
  });

  it('predicts asynchronously on a worker, overlapping calls, with the same margins', async () => {
    const plan = planForest(depthwise.trees, 6);
    const team = PredictionTeam.start(plan, 2);
    expect(team?.waitReady()).toBe(true);
    if (!team) return;
    try {
      // Two chunks in shared memory, both out at once (a batch job's pipeline holds two).
      const chunks = [rows.data.subarray(0, 6 * 4096), rows.data.subarray(6 * 4096, 6 * 8192)].map((d) => {
        const m = sharedMatrix(d.length / 6, 6);
        m.data.set(d);
        return m;
      });
      const outs = chunks.map((m) => new Float64Array(new SharedArrayBuffer(m.rows * 8)));
      const results = await Promise.all(chunks.map((m, k) => team.predictAsync(m, depthwise.baseline, outs[k])));
      expect(team.workerRows).toBe(4096);
      chunks.forEach((m, k) => {
        expect(results[k]).toBe(outs[k]);
        expect(sameBits(outs[k], predictPlan(plan, m, depthwise.baseline))).toBe(true);
      });
      // Not in shared memory: no worker can take it, the calling thread predicts it.
      const plain = await team.predictAsync(rows, depthwise.baseline, new Float64Array(rows.rows));
      expect(team.workerRows).toBe(0);
      expect(sameBits(plain, predictPlan(plan, rows, depthwise.baseline))).toBe(true);
    } finally {
      team.close();
    }
  });

  it('predicts a job itself when its worker is gone, and alone from then on', async () => {
    const plan = planForest(leafwise.trees, 6);
    const team = PredictionTeam.start(plan, 2);
    expect(team?.waitReady()).toBe(true);
    if (!team) return;
    const m = sharedMatrix(4096, 6);
    m.data.set(rows.data.subarray(0, 4096 * 6));
    const expected = predictPlan(plan, m, leafwise.baseline);
    const out = new Float64Array(new SharedArrayBuffer(4096 * 8));
    // The worker is terminated with the job out: the team hears of it and predicts the rows here.
    const worker = (team as unknown as { workers: { terminate(): Promise<number> }[] }).workers[0];
    const job = team.predictAsync(m, leafwise.baseline, out);
    await worker.terminate();
    expect(sameBits(await job, expected)).toBe(true);
    expect(team.usable).toBe(false);
    const again = await team.predictAsync(m, leafwise.baseline, new Float64Array(new SharedArrayBuffer(4096 * 8)));
    expect(team.workerRows).toBe(0);
    expect(sameBits(again, expected)).toBe(true);
  });

  it('returns null for one thread', () => {
    expect(PredictionTeam.start(planForest(leafwise.trees, 6), 1)).toBeNull();
  });
});

describe('GbdtModel.margin on a large matrix', () => {
  it('gives the single-threaded margins, before and after its workers are up, and after close', () => {
    const big = synthetic(60_000, 6, 33, 0.1).x;
    const alone = predictPlan(planForest(leafwise.trees, 6), big, leafwise.baseline);
    try {
      for (let k = 0; k < 3; k++) expect(sameBits(leafwise.margin(big), alone)).toBe(true);
    } finally {
      leafwise.close();
    }
    expect(sameBits(leafwise.margin(big), alone)).toBe(true);
    leafwise.close();
  });

  it('lets a script that predicts and returns exit on its own', () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'predict-then-exit.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^worker rows: [1-9]/m);
  });

  it('keeps a script that awaits worker predictions alive until they arrive, then lets it exit', () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'predict-async-then-exit.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^async worker rows: 8000, same: true$/m);
  });
});
