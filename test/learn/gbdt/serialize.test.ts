import { describe, expect, it } from 'vitest';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { fromSpec, GbdtSpec, toSpec } from '../../../src/learn/gbdt/serialize.ts';
import { synthetic } from './dataset.ts';

describe('GbdtSpec', () => {
  const { x, y } = synthetic(600, 4, 31, 0.1);
  const { model } = trainGbdt(x, y, { maxIter: 10, minSamplesLeaf: 5 }, undefined, ['tenure', 'tickets', 'spend', 'logins']);

  it('round-trips through JSON text to bit-identical margins and contributions', () => {
    const text = JSON.stringify(toSpec(model));
    const back = fromSpec(GbdtSpec.parse(JSON.parse(text)));
    if (!back.ok) throw new Error(back.problem);
    expect(Array.from(back.model.margin(x))).toEqual(Array.from(model.margin(x)));
    expect(Array.from(back.model.contributions(x).values)).toEqual(Array.from(model.contributions(x).values));
    expect(back.model.featureNames).toEqual(['tenure', 'tickets', 'spend', 'logins']);
  });

  it('writes an infinite threshold (known values left, missing right) as null and reads it back', () => {
    const spec = toSpec(model);
    spec.trees[0].threshold[0] = null;
    const back = fromSpec(spec);
    if (!back.ok) throw new Error(back.problem);
    expect(back.model.trees[0].threshold[0]).toBe(Number.POSITIVE_INFINITY);
    expect(JSON.stringify(spec)).toContain('null');
  });

  it('reports a child id out of range as a problem, not a crash', () => {
    const spec = toSpec(model);
    spec.trees[1].left[0] = 10_000;
    const back = fromSpec(spec);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.problem).toMatch(/tree 1, node 0/);
  });

  it('rejects a spec of another model kind', () => {
    expect(GbdtSpec.safeParse({ ...toSpec(model), kind: 'logistic' }).success).toBe(false);
  });
});
