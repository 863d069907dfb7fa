import { describe, expect, it } from 'vitest';
import { baseRateScores, riskFromHealth } from '../../src/evaluate/baselines.ts';

describe('baselines', () => {
  it('gives every customer the base rate', () => {
    expect([...baseRateScores(0.26, 3)]).toEqual([0.26, 0.26, 0.26]);
  });

  it('turns a healthier-is-higher score into a riskier-is-higher one', () => {
    expect([...riskFromHealth([80, 20])]).toEqual([-80, -20]);
  });
});
