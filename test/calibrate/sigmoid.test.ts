import { describe, expect, it } from 'vitest';
import { sigmoid, sigmoidAll } from '../../src/calibrate/sigmoid.ts';

describe('sigmoid', () => {
  it('maps 0 to one half and is symmetric', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });

  it('matches scipy.special.expit', () => {
    // scipy: expit([-3, 1.5, 40]) -> [0.04742587317756678, 0.8175744761936437, 1.0]
    expect([...sigmoidAll([-3, 1.5, 40])]).toEqual([0.04742587317756678, 0.8175744761936437, 1]);
  });

  it('does not overflow for very negative margins', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(Number.isNaN(sigmoid(-800))).toBe(false);
  });
});
