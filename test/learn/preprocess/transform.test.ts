import { describe, expect, it } from 'vitest';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import { transform } from '../../../src/learn/preprocess/transform.ts';

describe('transform', () => {
  const train = { x: [1, 3, null], c: ['a', 'b', 'a'] };
  const spec = fitPreprocessor(train, { features: ['x', 'c'], categorical: ['c'], standardize: false });

  it('encodes with the training statistics, not those of the new rows', () => {
    const out = transform(spec, { x: [10, null], c: ['b', 'a'] });
    // columns: x, x:missing, c=a, c=b, c=(unseen); the missing x gets the training mean 2.
    expect(Array.from(out.matrix.data)).toEqual([10, 0, 0, 1, 0, 2, 1, 1, 0, 0]);
  });

  it('sends a category never seen in training to the unseen column', () => {
    const out = transform(spec, { x: [1], c: ['z'] });
    expect(Array.from(out.matrix.data)).toEqual([1, 0, 0, 0, 1]);
  });

  it('sends a blank category to the unseen column when training had no blanks', () => {
    expect(Array.from(transform(spec, { x: [1], c: [' '] }).matrix.data)).toEqual([1, 0, 0, 0, 1]);
  });

  it('reads numeric text and treats blank text as missing (Telco TotalCharges)', () => {
    expect(Array.from(transform(spec, { x: ['4.5', ' '], c: ['a', 'a'] }).matrix.data)).toEqual([4.5, 0, 1, 0, 0, 2, 1, 1, 0, 0]);
  });

  it('reports the source feature of each column', () => {
    const out = transform(spec, train);
    expect(out.columnNames).toEqual(['x', 'x:missing', 'c=a', 'c=b', 'c=(unseen)']);
    expect(Array.from(out.source)).toEqual([0, 0, 1, 1, 1]);
  });

  it('gives standardised training columns mean 0 and variance 1', () => {
    const std = fitPreprocessor({ x: [1, 2, 3, 10] }, { features: ['x'] });
    const d = transform(std, { x: [1, 2, 3, 10] }).matrix.data;
    const mean = d.reduce((s, v) => s + v, 0) / 4;
    expect(mean).toBeCloseTo(0, 14);
    expect(d.reduce((s, v) => s + (v - mean) ** 2, 0) / 4).toBeCloseTo(1, 14);
  });

  it('keeps missing values as NaN with the keep policy (for trees)', () => {
    const keep = fitPreprocessor(train, { features: ['x'], standardize: false, missing: 'keep' });
    expect(Array.from(transform(keep, { x: [null] }).matrix.data)).toEqual([Number.NaN, 1]);
  });

  it('names absent columns', () => {
    expect(() => transform(spec, { x: [1] })).toThrow(/absent.*c/);
  });

  it('refuses text in a numeric column, naming column and row', () => {
    expect(() => transform(spec, { x: [1, 'abc'], c: ['a', 'a'] })).toThrow(/"x" row 1/);
  });

  it('gives the same matrix for a numeric column held as doubles as for a plain array', () => {
    const values = [0.5, Number.NaN, -3, 7.25, Number.NaN, 0];
    const fitted = { x: [1, 3, null, 8], c: ['a', 'b', 'a', 'b'] };
    for (const missing of ['impute', 'keep'] as const) {
      const s = fitPreprocessor(fitted, { features: ['x', 'c'], categorical: ['c'], missing });
      const c = ['a', 'b', 'a', 'z', 'b', 'a'];
      const plain = transform(s, { x: values, c }).matrix.data;
      const doubles = transform(s, { x: Float64Array.from(values), c }).matrix.data;
      expect(Array.from(doubles)).toEqual(Array.from(plain));
    }
  });
});
