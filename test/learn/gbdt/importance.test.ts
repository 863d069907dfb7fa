import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { splitImportance } from '../../../src/learn/gbdt/importance.ts';
import { synthetic } from './dataset.ts';

describe('feature importance', () => {
  // Features 0–3 drive the label (dataset.ts); 4 and 5 are noise.
  const { x, y } = synthetic(3000, 6, 41);
  const { model } = trainGbdt(x, y, { maxIter: 20 });

  it('counts every split once and sums its gain', () => {
    const imp = splitImportance(model);
    const internal = model.trees.reduce((s, t) => s + t.feature.filter((f) => f >= 0).length, 0);
    expect(imp.splitCount.reduce((a, b) => a + b, 0)).toBe(internal);
    const gain = model.trees.reduce((s, t) => s + t.gain.reduce((a, b) => a + b, 0), 0);
    expect(imp.totalGain.reduce((a, b) => a + b, 0)).toBeCloseTo(gain, 9);
  });

  it('ranks an informative feature above the noise by gain', () => {
    const gain = splitImportance(model).totalGain;
    expect(gain[1]).toBeGreaterThan(Math.max(gain[4], gain[5]));
  });
});
