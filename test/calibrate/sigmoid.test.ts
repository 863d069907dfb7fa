import { describe, expect, it } from 'vitest';
import { sigmoid, sigmoidAll } from '../../src/calibrate/sigmoid.ts';

describe('sigmoid', () => {
  it('maps 0 to one half and is symmetric', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });

  it('matches scipy.special.expit to the last bit or two', () => {
    // scipy: expit([-3, 1.5, 40, -40]) -> [0.04742587317756678, 0.8175744761936437, 1.0, 4.248354255291589e-18]
    const [a, b, c, d] = sigmoidAll([-3, 1.5, 40, -40]);
    expect(a).toBeCloseTo(0.04742587317756678, 16);
    expect(b).toBe(0.8175744761936437);
    expect(c).toBe(1);
    expect(d).toBe(4.248354255291589e-18);
  });

  it('keeps the far negative tail instead of overflowing e^(−x)', () => {
    // e^745 overflows; the branch form takes e^−745, the smallest subnormal, instead.
    expect(sigmoid(-745)).toBe(5e-324);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
});
