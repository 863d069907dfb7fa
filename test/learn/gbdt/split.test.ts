import { describe, expect, it } from 'vitest';
import { BIN_SLOTS, MISSING_BIN } from '../../../src/learn/gbdt/binning.ts';
import { HIST_STRIDE, newHistogram } from '../../../src/learn/gbdt/histogram.ts';
import { findBestSplit, leafValue, type SplitRules } from '../../../src/learn/gbdt/split.ts';

/** One feature's histogram from [g, h, n] per bin, and the missing bin. */
function hist(bins: number[][], missing: number[] = [0, 0, 0]): Float64Array {
  const out = newHistogram(1);
  bins.forEach((b, i) => out.set(b, i * HIST_STRIDE));
  out.set(missing, MISSING_BIN * HIST_STRIDE);
  return out;
}
const rules = (over: Partial<SplitRules> = {}): SplitRules => ({
  l2: 0, minSamplesLeaf: 1, minHessianLeaf: 1e-3, minGainToSplit: 0, monotone: Int8Array.from([0]), ...over,
});
const F = Int32Array.from([0]);
const INF = Number.POSITIVE_INFINITY;

describe('findBestSplit', () => {
  // Gains worked by hand with XGBoost's formula ½[G_L²/H_L + G_R²/H_R − G²/H] (λ = 0):
  // cut after bin 0: ½[16/2 + 16/4 − 0] = 6; cut after bin 1: ½[36/4 + 36/2 − 0] = 13.5.
  const h3 = hist([[-4, 2, 2], [-2, 2, 2], [6, 2, 2]]);
  const node = { g: 0, h: 6, n: 6 };

  it('finds the hand-computed best cut and its Newton leaf values', () => {
    const s = findBestSplit(h3, F, Int32Array.from([3]), node, rules(), -INF, INF);
    expect(s).not.toBeNull();
    expect(s?.bin).toBe(1);
    expect(s?.gain).toBeCloseTo(13.5, 12);
    expect(s?.valueLeft).toBeCloseTo(1.5, 12);
    expect(s?.valueRight).toBeCloseTo(-3, 12);
    expect(s?.left).toEqual({ g: -6, h: 4, n: 4 });
  });

  it('returns null when every cut leaves a child under minSamplesLeaf', () => {
    expect(findBestSplit(h3, F, Int32Array.from([3]), node, rules({ minSamplesLeaf: 3 }), -INF, INF)).toBeNull();
  });

  it('shrinks the gain with the L2 penalty', () => {
    // λ = 2: ½[36/6 + 36/4 − 0] = 7.5 for the cut after bin 1.
    const s = findBestSplit(h3, F, Int32Array.from([3]), node, rules({ l2: 2 }), -INF, INF);
    expect(s?.gain).toBeCloseTo(7.5, 12);
  });

  it('learns to send missing values to the side where they lower the loss', () => {
    // Missing rows look like bin 0 (negative gradient): ½[36/2 + 9/1 − 9/3] = 12 with them left,
    // against ½[9/1 + 0/2 − 3] = 3 with them right.
    const h = hist([[-3, 1, 1], [3, 1, 1]], [-3, 1, 1]);
    const s = findBestSplit(h, F, Int32Array.from([2]), { g: -3, h: 3, n: 3 }, rules(), -INF, INF);
    expect(s?.missingLeft).toBe(true);
    expect(s?.bin).toBe(0);
    expect(s?.gain).toBeCloseTo(12, 12);
  });

  it('can split known values from missing ones', () => {
    const h = hist([[1, 1, 1], [1, 1, 1]], [-4, 2, 2]);
    const s = findBestSplit(h, F, Int32Array.from([2]), { g: -2, h: 4, n: 4 }, rules(), -INF, INF);
    expect(s?.bin).toBe(1);
    expect(s?.missingLeft).toBe(false);
  });

  it('rejects splits that go against an increasing monotone constraint', () => {
    // Both cuts give a left value above the right one (margin falls as the value rises).
    expect(findBestSplit(h3, F, Int32Array.from([3]), node, rules({ monotone: Int8Array.from([1]) }), -INF, INF)).toBeNull();
    const s = findBestSplit(h3, F, Int32Array.from([3]), node, rules({ monotone: Int8Array.from([-1]) }), -INF, INF);
    expect(s?.bin).toBe(1);
  });

  it('clips child values to the node bounds', () => {
    const s = findBestSplit(h3, F, Int32Array.from([3]), node, rules(), -1, 1);
    expect(s?.valueLeft).toBeLessThanOrEqual(1);
    expect(s?.valueRight).toBeGreaterThanOrEqual(-1);
  });

  it('skips features not listed', () => {
    const two = newHistogram(2);
    two.set(h3.subarray(0, BIN_SLOTS * HIST_STRIDE), BIN_SLOTS * HIST_STRIDE);
    const s = findBestSplit(two, Int32Array.from([1]), Int32Array.from([1, 3]), node, { ...rules(), monotone: Int8Array.from([0, 0]) }, -INF, INF);
    expect(s?.feature).toBe(1);
  });
});

describe('leafValue', () => {
  it('is the Newton step −G/(H+λ), clipped', () => {
    expect(leafValue(-3, 1, 2, -INF, INF)).toBe(1);
    expect(leafValue(-30, 1, 2, -INF, 5)).toBe(5);
  });
});
