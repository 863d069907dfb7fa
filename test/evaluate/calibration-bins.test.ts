import { describe, expect, it } from 'vitest';
import { calibrationBins } from '../../src/evaluate/calibration-bins.ts';

describe('calibrationBins', () => {
  it('puts a probability on an edge into the bin below, as numpy searchsorted does', () => {
    // np.searchsorted(np.linspace(0, 1, 11)[1:-1], [0, 0.1, 0.3, 0.30000000000000004, 1]) -> [0, 0, 2, 2, 9]
    const b = calibrationBins(new Float64Array([0, 0.1, 0.3, 0.30000000000000004, 1]), new Uint8Array([0, 0, 0, 0, 1]));
    expect([...b.count]).toEqual([2, 0, 2, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('rejects a probability outside [0, 1]', () => {
    expect(() => calibrationBins(new Float64Array([1.5]), new Uint8Array([1]))).toThrow(/outside \[0, 1\]/);
  });
});
