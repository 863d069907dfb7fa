import { describe, expect, it } from 'vitest';
import { fitPreprocessor, standardization } from '../../../src/learn/preprocess/fit.ts';
import { PreprocessorSpec } from '../../../src/learn/preprocess/spec.ts';

describe('fitPreprocessor', () => {
  const table = { tenure: [1, 3, null, Number.NaN], plan: ['b', 'a', 'b', ''], age: [5, 5, 5, 5] };
  const spec = fitPreprocessor(table, { features: ['tenure', 'plan', 'age'], categorical: ['plan'] });

  it('imputes a numeric feature by the mean of its observed training values', () => {
    expect(spec.features[0]).toEqual({ name: 'tenure', type: 'numeric', fill: 2, flagMissing: true });
  });

  it('adds a missing flag only for columns that had missing values in training', () => {
    expect(spec.columns.map((c) => c.name)).toEqual([
      'tenure',
      'tenure:missing',
      'plan=a',
      'plan=b',
      'plan=(missing)',
      'plan=(unseen)',
      'age',
    ]);
  });

  it('maps every column back to its source feature', () => {
    expect(spec.columns.map((c) => c.feature)).toEqual([0, 0, 1, 1, 1, 1, 2]);
  });

  it('standardises with the population standard deviation of the imputed column', () => {
    // Imputed tenure = [1, 3, 2, 2]: mean 2, population sd sqrt(0.5) (numpy.std, ddof=0).
    expect(spec.columns[0].center).toBe(2);
    expect(spec.columns[0].scale).toBeCloseTo(Math.sqrt(0.5), 15);
  });

  it('gives constant and never-seen columns scale 1, as sklearn StandardScaler does', () => {
    expect(spec.columns.find((c) => c.name === 'age')).toMatchObject({ center: 5, scale: 1 });
    expect(spec.columns.find((c) => c.name === 'plan=(unseen)')).toMatchObject({ center: 0, scale: 1 });
  });

  it('produces a spec that survives JSON and its zod schema unchanged', () => {
    expect(PreprocessorSpec.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('leaves values unscaled when standardisation is off', () => {
    const raw = fitPreprocessor(table, { features: ['tenure'], standardize: false });
    expect(raw.columns.map((c) => [c.center, c.scale])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('rejects a categorical name that is not a feature', () => {
    expect(() => fitPreprocessor(table, { features: ['tenure'], categorical: ['plan'] })).toThrow(/plan/);
  });
});

describe('standardization', () => {
  it('matches numpy mean and std (ddof=0) of [2, 4, 4, 4, 5, 5, 7, 9]: 5 and 2', () => {
    expect(standardization(Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]))).toEqual({ center: 5, scale: 2 });
  });

  it('ignores NaN (kept missing values)', () => {
    expect(standardization(Float64Array.from([Number.NaN, 1, 3]))).toEqual({ center: 2, scale: 1 });
  });
});
