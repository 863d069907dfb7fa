import { describe, expect, it } from 'vitest';
import { workerPool } from '../../../src/parallel/pool.ts';
import { applyBins, BIN_SLOTS, fitBins, MISSING_BIN } from '../../../src/learn/gbdt/binning.ts';
import { buildHistogram, HIST_STRIDE, histogramKernel, newHistogram, subtractHistogram } from '../../../src/learn/gbdt/histogram.ts';
import { synthetic } from './dataset.ts';

const slot = (f: number, b: number): number => (f * BIN_SLOTS + b) * HIST_STRIDE;

describe('buildHistogram', () => {
  it('sums gradients, hessians and counts per bin, with missing values in their own bin', () => {
    const binned = { rows: 4, cols: 1, codes: Uint8Array.from([0, 1, 0, MISSING_BIN]) };
    const g = Float64Array.from([1, 2, 3, 4]);
    const h = Float64Array.from([0.5, 0.5, 0.25, 1]);
    const out = newHistogram(1);
    buildHistogram(binned, g, h, Uint32Array.from([0, 1, 2, 3]), 0, 4, Int32Array.from([0]), out, new Float64Array(8));
    expect(Array.from(out.subarray(slot(0, 0), slot(0, 2)))).toEqual([4, 0.75, 2, 2, 0.5, 1]);
    expect(Array.from(out.subarray(slot(0, MISSING_BIN), slot(0, MISSING_BIN) + 3))).toEqual([4, 1, 1]);
  });

  it('counts only the rows in the node range', () => {
    const binned = { rows: 3, cols: 1, codes: Uint8Array.from([0, 0, 0]) };
    const out = newHistogram(1);
    const ones = Float64Array.from([1, 1, 1]);
    buildHistogram(binned, ones, ones, Uint32Array.from([2, 0, 1]), 1, 3, Int32Array.from([0]), out, new Float64Array(6));
    expect(out[slot(0, 0) + 2]).toBe(2);
  });
});

describe('buildHistogram on several threads', () => {
  it('gives the same bits when the features are shared out over the pool', async () => {
    const { x } = synthetic(30_000, 13, 3, 0.1);
    const binned = applyBins(fitBins(x), x, true);
    const sharedInt32 = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * n));
    const g = Float64Array.from({ length: x.rows }, (_, i) => Math.sin(i));
    const h = Float64Array.from({ length: x.rows }, (_, i) => 0.1 + (i % 7) / 10);
    // A node's rows: every third row left out, the range starting past the array's start.
    const idx = new Uint32Array(new SharedArrayBuffer(4 * x.rows));
    let m = 0;
    for (let i = 0; i < x.rows; i++) if (i % 3 !== 1) idx[m++] = i;
    const feats = sharedInt32(13);
    feats.set(Array.from({ length: 13 }, (_, j) => 12 - j));
    const alone = newHistogram(13);
    buildHistogram(binned, g, h, idx, 100, m, feats, alone, new Float64Array(2 * x.rows));
    const resource = workerPool().share(binned);
    try {
      // Asynchronously the workers compute the shares (and are up for the calls below).
      const gh = new Float64Array(new SharedArrayBuffer(16 * x.rows));
      for (let k = 0; k < m - 100; k++) {
        gh[2 * k] = g[idx[100 + k]];
        gh[2 * k + 1] = h[idx[100 + k]];
      }
      const byWorkers = newHistogram(13, true);
      await workerPool().runAsync(histogramKernel, { binned: resource.id, gh, idx, start: 100, n: m - 100, features: feats, shares: 3, out: byWorkers }, 3, 3);
      expect(byWorkers.every((v, k) => Object.is(v, alone[k]))).toBe(true);
      for (const threads of [2, 3]) {
        const out = newHistogram(13, true);
        buildHistogram(binned, g, h, idx, 100, m, feats, out, new Float64Array(new SharedArrayBuffer(16 * x.rows)), { threads, binned: resource.id });
        expect(out.every((v, k) => Object.is(v, alone[k]))).toBe(true);
      }
    } finally {
      resource.release();
    }
  });
});

describe('subtractHistogram', () => {
  it('gives the sibling histogram built directly (the subtraction trick)', () => {
    const { x } = synthetic(500, 3, 7, 0.1);
    const binned = applyBins(fitBins(x), x);
    const g = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i));
    const h = Float64Array.from({ length: 500 }, (_, i) => 0.1 + (i % 7) / 10);
    const idx = Uint32Array.from({ length: 500 }, (_, i) => i);
    const feats = Int32Array.from([0, 1, 2]);
    const gh = new Float64Array(1000);
    const parent = newHistogram(3);
    const a = newHistogram(3);
    const b = newHistogram(3);
    buildHistogram(binned, g, h, idx, 0, 500, feats, parent, gh);
    buildHistogram(binned, g, h, idx, 0, 200, feats, a, gh);
    buildHistogram(binned, g, h, idx, 200, 500, feats, b, gh);
    const diff = newHistogram(3);
    subtractHistogram(parent, a, feats, diff);
    for (let k = 0; k < diff.length; k++) expect(diff[k]).toBeCloseTo(b[k], 10);
  });
});
