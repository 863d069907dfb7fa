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
});
