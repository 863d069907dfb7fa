import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { applyBins, fitBins } from '../../../src/learn/gbdt/binning.ts';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { buildHistogram, newHistogram } from '../../../src/learn/gbdt/histogram.ts';
import { HistogramTeam } from '../../../src/learn/gbdt/histogram-team.ts';
import { toSpec } from '../../../src/learn/gbdt/serialize.ts';
import { synthetic } from './dataset.ts';

describe('HistogramTeam', () => {
  it('builds the same histogram bits as the main thread alone', () => {
    const { x } = synthetic(3000, 13, 3, 0.1);
    const binned = applyBins(fitBins(x), x);
    const team = HistogramTeam.start(binned, 3);
    expect(team).not.toBeNull();
    if (!team) return;
    try {
      const g = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i));
      const h = Float64Array.from({ length: 3000 }, (_, i) => 0.1 + (i % 7) / 10);
      let m = 0;
      for (let i = 0; i < 3000; i++) if (i % 3 !== 1) team.idx[m++] = i;
      const feats = Int32Array.from({ length: 13 }, (_, j) => j);
      const alone = newHistogram(13);
      const shared = newHistogram(13);
      buildHistogram(binned, g, h, team.idx.slice(), 100, m, feats, alone, new Float64Array(6000));
      buildHistogram(binned, g, h, team.idx, 100, m, feats, shared, team.gh, team);
      expect(shared.every((v, k) => Object.is(v, alone[k]))).toBe(true);
    } finally {
      team.close();
    }
  });

  it('builds the shares of a worker that is gone itself, the same bits, and works alone from then on', async () => {
    const { x } = synthetic(3000, 13, 3, 0.1);
    const binned = applyBins(fitBins(x), x);
    // A quarter second without an answer means a dead worker here (a minute by default).
    const team = HistogramTeam.start(binned, 3, 10_000, 250);
    expect(team).not.toBeNull();
    if (!team) return;
    try {
      const worker = (team as unknown as { workers: Worker[] }).workers[0];
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await worker.terminate();
      await exited;
      const g = Float64Array.from({ length: 3000 }, (_, i) => Math.cos(i));
      const h = Float64Array.from({ length: 3000 }, (_, i) => 0.2 + (i % 5) / 10);
      for (let i = 0; i < 3000; i++) team.idx[i] = i;
      const feats = Int32Array.from({ length: 13 }, (_, j) => j);
      const alone = newHistogram(13);
      buildHistogram(binned, g, h, team.idx.slice(), 0, 3000, feats, alone, new Float64Array(6000));
      const posted = (): number => (team as unknown as { seq: number }).seq;
      for (let round = 0; round < 2; round++) {
        const shared = newHistogram(13);
        const before = posted();
        buildHistogram(binned, g, h, team.idx, 0, 3000, feats, shared, team.gh, team);
        expect(shared.every((v, k) => Object.is(v, alone[k]))).toBe(true);
        // The first round posts a job and waits in vain; the second posts none and waits for no one.
        expect(posted() - before).toBe(round === 0 ? 1 : 0);
      }
    } finally {
      team.close();
    }
  });

  it('returns null for one thread, so training runs without workers', () => {
    const { x } = synthetic(10, 2, 1);
    expect(HistogramTeam.start(applyBins(fitBins(x), x), 1)).toBeNull();
  });
});

describe('trainGbdt with worker threads', () => {
  it('grows exactly the same model with 1, 2 and 3 threads', () => {
    const { x, y } = synthetic(4000, 10, 21, 0.05);
    const spec = (nThreads: number) => JSON.stringify(toSpec(trainGbdt(x, y, { maxIter: 8, maxLeafNodes: 15, subsample: 0.8, nThreads }).model));
    const single = spec(1);
    expect(spec(2)).toBe(single);
    expect(spec(3)).toBe(single);
  });
});
