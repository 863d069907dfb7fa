import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import type { ChurnModel } from '../../../src/learn/model.ts';
import { synthetic } from './dataset.ts';

describe('GbdtModel as a ChurnModel', () => {
  const { x, y } = synthetic(500, 3, 51);
  const model: ChurnModel = trainGbdt(x, y, { maxIter: 5 }, undefined, ['a', 'b', 'c']).model;

  it('reports its kind and feature names', () => {
    expect(model.kind).toBe('gbdt');
    expect(model.featureNames).toEqual(['a', 'b', 'c']);
  });

  it('gives the same contributions in a reused, dirty buffer as in a fresh one', () => {
    const into = new Float64Array(2000).fill(7);
    expect(Array.from(model.contributions(x, into).values)).toEqual(Array.from(model.contributions(x).values));
  });

  it('gives one margin per row and rows × cols contributions', () => {
    expect(model.margin(x).length).toBe(500);
    expect(model.contributions(x).values.length).toBe(1500);
  });

  it('refuses a matrix with other columns than it was trained on', () => {
    expect(() => model.margin({ rows: 1, cols: 2, data: new Float64Array(2) })).toThrow(/3/);
  });
});
