import { describe, expect, it } from 'vitest';
import { applyBins, fitBins, MISSING_BIN } from '../../../src/learn/gbdt/binning.ts';
import { matrix } from '../../../src/learn/matrix.ts';

describe('fitBins', () => {
  it('puts each distinct value in its own bin, cut at midpoints, when there are few', () => {
    // scikit-learn's _find_binning_thresholds gives the same midpoints for [1, 2, 2, 4].
    const m = fitBins(matrix(4, 1, Float64Array.from([2, 1, 4, 2])));
    expect(Array.from(m.edges[0])).toEqual([1.5, 3]);
  });

  it('ignores missing values when fitting', () => {
    const m = fitBins(matrix(4, 1, Float64Array.from([NaN, 0, NaN, 1])));
    expect(Array.from(m.edges[0])).toEqual([0.5]);
  });

  it('uses at most maxBins value bins with about equal counts on continuous data', () => {
    const n = 10_000;
    const data = Float64Array.from({ length: n }, (_, i) => Math.sqrt(i));
    const m = fitBins(matrix(n, 1, data), 10);
    expect(m.edges[0].length).toBe(9);
    const counts = new Array<number>(10).fill(0);
    const b = applyBins(m, matrix(n, 1, data));
    for (const c of b.codes) counts[c]++;
    for (const c of counts) expect(Math.abs(c - n / 10)).toBeLessThanOrEqual(1);
  });

  it('rejects more than 255 value bins', () => {
    expect(() => fitBins(matrix(1, 1), 256)).toThrow(/maxBins/);
  });
});

describe('applyBins', () => {
  it('sends values on an edge left, values above every edge to the last bin, NaN to the missing bin', () => {
    const x = matrix(6, 1, Float64Array.from([1.5, 1.6, 3, 99, -99, NaN]));
    expect(Array.from(applyBins({ edges: [Float64Array.from([1.5, 3])] }, x).codes)).toEqual([0, 1, 1, 2, 0, MISSING_BIN]);
  });

  it('stores codes column-major', () => {
    const x = matrix(2, 2, Float64Array.from([0, 10, 1, NaN]));
    const m = fitBins(x);
    expect(Array.from(applyBins(m, x).codes)).toEqual([0, 1, 0, MISSING_BIN]);
  });
});
