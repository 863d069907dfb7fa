import { describe, expect, it } from 'vitest';
import { consistentMatrix } from '../../src/ahp/consistent-matrix.ts';

describe('consistentMatrix', () => {
  it('sets a_ij = w_i / w_j (30% vs 20% is 1.5)', () => {
    const m = consistentMatrix([30, 25, 20, 25]);
    expect(m.values[0 * 4 + 2]).toBeCloseTo(1.5, 14);
    expect(m.values[2 * 4 + 0]).toBeCloseTo(2 / 3, 14);
    expect(m.values[5]).toBe(1);
  });

  it('refuses a zero weight, which has no finite ratio', () => {
    expect(() => consistentMatrix([1, 0])).toThrow(/positive/);
  });
});
