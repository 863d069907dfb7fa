import { describe, expect, it } from 'vitest';
import { thresholdTable } from '../../src/evaluate/threshold-table.ts';

describe('thresholdTable', () => {
  it('merges tied scores into one threshold, highest first', () => {
    // sklearn's _binary_clf_curve([0, 1, 1, 0], [0.5, 0.9, 0.5, 0.1]) -> fps [0, 1, 2], tps [1, 2, 2], thr [0.9, 0.5, 0.1]
    const t = thresholdTable(new Float64Array([0.5, 0.9, 0.5, 0.1]), new Uint8Array([0, 1, 1, 0]));
    expect([...t.thresholds]).toEqual([0.9, 0.5, 0.1]);
    expect([...t.tps]).toEqual([1, 2, 2]);
    expect([...t.fps]).toEqual([0, 1, 2]);
  });

  it('rejects a non-finite score', () => {
    expect(() => thresholdTable(new Float64Array([NaN]), new Uint8Array([1]))).toThrow(/finite/);
  });
});
