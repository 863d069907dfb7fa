import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { temporalSplit } from '../../src/features/temporal-split.ts';

const table = aq.table({
  customer_id: ['a', 'b', 'a', 'b', 'a', 'b', 'a'],
  cutoff: [1, 1, 2, 2, 3, 3, 4],
  label: [0, 1, 0, 0, 1, 0, 0],
});

describe('temporalSplit', () => {
  it('trains on earlier cutoffs and validates and tests on later ones', () => {
    const split = temporalSplit(table, { validationCutoffs: 1, testCutoffs: 1 });
    if ('problem' in split) throw new Error(split.problem);
    expect(split.cutoffs).toEqual({ train: [1, 2], validation: [3], test: [4] });
    expect(split.train.numRows()).toBe(4);
    expect(split.validation.numRows()).toBe(2);
    expect(split.test.numRows()).toBe(1);
  });

  it('has no test row that predates a training row', () => {
    const split = temporalSplit(table, { validationCutoffs: 0, testCutoffs: 2 });
    if ('problem' in split) throw new Error(split.problem);
    const latestTrain = Math.max(...(split.train.array('cutoff') as number[]));
    expect(Math.min(...(split.test.array('cutoff') as number[]))).toBeGreaterThan(latestTrain);
  });

  it('reports a problem when no cutoff would be left for training', () => {
    expect(temporalSplit(table, { validationCutoffs: 2, testCutoffs: 2 })).toEqual({
      problem: 'a temporal split needs at least 5 cutoffs, the feature set has 4',
    });
  });
});
