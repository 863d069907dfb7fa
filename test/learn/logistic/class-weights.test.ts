import { describe, expect, it } from 'vitest';
import { classWeightsPerRow } from '../../../src/learn/logistic/class-weights.ts';

describe('classWeightsPerRow', () => {
  it('matches sklearn compute_class_weight("balanced", classes=[0, 1], y=[0, 0, 0, 1]) = [0.6667, 2]', () => {
    const w = classWeightsPerRow(Float64Array.from([0, 0, 0, 1]), 'balanced');
    expect(Array.from(w)).toEqual([4 / 6, 4 / 6, 4 / 6, 2]);
  });

  it('applies explicit weights per class', () => {
    expect(Array.from(classWeightsPerRow(Float64Array.from([1, 0]), { stayed: 1, churned: 3 }))).toEqual([3, 1]);
  });
});
