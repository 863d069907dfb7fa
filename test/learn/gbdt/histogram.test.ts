import { describe, expect, it } from 'vitest';
import { applyBins, BIN_SLOTS, fitBins, MISSING_BIN } from '../../../src/learn/gbdt/binning.ts';
import { buildHistogram, HIST_STRIDE, newHistogram, subtractHistogram } from '../../../src/learn/gbdt/histogram.ts';
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
