import { describe, expect, it, vi } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { planForest, predictPlan } from '../../../src/learn/gbdt/predict.ts';
import { PredictionTeam } from '../../../src/learn/gbdt/predict-team.ts';
import { synthetic } from './dataset.ts';

// A platform where threads cannot be created (a sandbox, a resource limit): every Worker throws.
vi.mock('node:worker_threads', () => ({
  Worker: class {
    constructor() {
      throw new Error('worker_threads are not available here');
    }
  },
}));

describe('prediction where workers cannot start', () => {
  const { x, y } = synthetic(2000, 4, 61, 0.1);
  const { model } = trainGbdt(x, y, { maxIter: 10, nThreads: 1 });
  const big = synthetic(60_000, 4, 62, 0.1).x;

  it('gets no team', () => {
    expect(PredictionTeam.start(planForest(model.trees, 4), 4)).toBeNull();
  });

  it('predicts a large matrix on the calling thread, with the same margins', () => {
    const alone = predictPlan(planForest(model.trees, 4), big, model.baseline);
    const m = model.margin(big);
    expect(m.every((v, i) => Object.is(v, alone[i]))).toBe(true);
  });
});
