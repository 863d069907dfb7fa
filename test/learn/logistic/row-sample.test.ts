import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../../src/learn/logistic/row-sample.ts';

describe('sampleRows', () => {
  it('takes runs of 64 consecutive rows, evenly spaced: 128 of 1,000 are rows 0–63 and 500–563', () => {
    const rows = Array.from(sampleRows(1000, 128));
    expect(rows).toEqual([...Array.from({ length: 64 }, (_, k) => k), ...Array.from({ length: 64 }, (_, k) => 500 + k)]);
  });

  it('takes every row when runs that far apart would overlap', () => {
    expect(Array.from(sampleRows(100, 99))).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('takes every row when asked for at least as many as there are', () => {
    expect(sampleRows(7, 65_536)).toHaveLength(7);
  });
});
