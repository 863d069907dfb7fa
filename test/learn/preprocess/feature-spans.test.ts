import { describe, expect, it } from 'vitest';
import { featureSpans } from '../../../src/learn/preprocess/feature-spans.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';

describe('featureSpans', () => {
  // Columns: x, x:missing, c=a, c=b, c=(unseen), y.
  const spec = fitPreprocessor({ x: [1, null, 3], c: ['a', 'b', 'a'], y: [4, 5, 6] }, { features: ['x', 'c', 'y'], categorical: ['c'] });

  it('gives each feature its first column and width, in matrix order', () => {
    expect(featureSpans(spec, 'test')).toEqual([
      { first: 0, width: 2 },
      { first: 2, width: 3 },
      { first: 5, width: 1 },
    ]);
  });

  it('names the caller and the feature when a feature has fewer columns than its encoding', () => {
    const short = { ...spec, columns: spec.columns.filter((c) => c.name !== 'c=b') };
    expect(() => featureSpans(short, 'transform')).toThrow('transform: preprocessor lists 2 columns for "c", its encoding has 3');
  });

  it('refuses columns out of feature order or beyond the features', () => {
    const swapped = { ...spec, columns: [spec.columns[5], ...spec.columns.slice(0, 5)] };
    expect(() => featureSpans(swapped, 'sql')).toThrow(/sql: preprocessor lists 0 columns for "x"/);
    const extra = { ...spec, columns: [...spec.columns, { ...spec.columns[0], feature: 7 }] };
    expect(() => featureSpans(extra, 'margin')).toThrow('margin: preprocessor columns are not grouped by feature in order');
  });
});
