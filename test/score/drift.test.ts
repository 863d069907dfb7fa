import { describe, expect, it } from 'vitest';
import { DriftCounter, DriftReference, driftReference, populationStabilityIndex, psi } from '../../src/score/drift.ts';

const range = <T,>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('populationStabilityIndex', () => {
  it('matches the formula on a textbook shift', () => {
    // numpy: ((a - e) * np.log(a / e)).sum() with e = [.25]*4, a = [.1, .2, .3, .4]
    expect(populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.22821740957339182, 14);
  });

  it('floors an empty bin at epsilon instead of returning infinity', () => {
    // numpy with the empty expected bin replaced by 1e-4: 1.5640491119253044
    expect(populationStabilityIndex([0.5, 0.5, 0], [0.4, 0.4, 0.2])).toBeCloseTo(1.5640491119253044, 12);
  });

  it('is zero for identical distributions', () => {
    expect(populationStabilityIndex([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });
});

describe('driftReference', () => {
  const train = { tenure: range(100, (i) => i + 1), plan: range(100, (i) => (i % 4 === 0 ? 'pro' : i % 10 === 1 ? '' : 'basic')) };
  const features = [
    { name: 'tenure', type: 'numeric' as const },
    { name: 'plan', type: 'categorical' as const },
  ];
  const reference = driftReference(train, features);

  it('cuts numeric features at the training deciles (numpy linear quantiles)', () => {
    // np.quantile(np.arange(1, 101), np.arange(1, 10) / 10)
    const edges = reference.features[0].type === 'numeric' ? reference.features[0].edges : [];
    expect(edges).toEqual([10.9, 20.8, 30.7, 40.6, 50.5, 60.4, 70.3, 80.2, 90.1].map((v) => expect.closeTo(v, 12)));
    expect(reference.features[0]).toMatchObject({ proportions: range(10, () => 0.1), missing: 0 });
  });

  it('keeps a share per training level and for missing labels', () => {
    expect(reference.features[1]).toMatchObject({ levels: ['basic', 'pro'], proportions: [0.65, 0.25], unseen: 0, missing: 0.1 });
  });

  it('merges repeated cut points of a discrete feature', () => {
    const r = driftReference({ tickets: range(100, (i) => (i < 70 ? 0 : 1)) }, [{ name: 'tickets', type: 'numeric' }]);
    // np.quantile of 70 zeros and 30 ones at 0.1 … 0.9: 0 six times, 0.3 (interpolated at 0.7), then 1 twice.
    expect(r.features[0]).toMatchObject({ edges: [0, expect.closeTo(0.3, 12), 1], proportions: [0.7, 0, 0.3, 0] });
  });

  it('survives JSON and its zod schema unchanged', () => {
    expect(DriftReference.parse(JSON.parse(JSON.stringify(reference)))).toEqual(reference);
  });

  it('gives PSI 0 against the training table itself and flags nothing', () => {
    expect(psi(reference, train)).toEqual([
      { feature: 'tenure', psi: 0, flagged: false },
      { feature: 'plan', psi: 0, flagged: false },
    ]);
  });

  it('flags a shifted feature above 0.2 and counts unseen categories in their own bin', () => {
    const today = { tenure: range(100, (i) => i + 41), plan: range(100, (i) => (i % 2 === 0 ? 'enterprise' : 'basic')) };
    const [tenure, plan] = psi(reference, today);
    expect(tenure.flagged).toBe(true);
    expect(plan.flagged).toBe(true);
    // plan: training [basic .65, pro .25, unseen 0, missing .1] vs today [.5, 0, .5, 0], empty bins at 1e-4.
    const expected = populationStabilityIndex([0.65, 0.25, 0, 0.1], [0.5, 0, 0.5, 0]);
    expect(plan.psi).toBeCloseTo(expected, 14);
  });
});

describe('DriftCounter', () => {
  it('gives the PSI of the whole table when fed in chunks', () => {
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? Number.NaN : (i * 37) % 101));
    const c = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : ['a', 'b', 'z'][i % 3]));
    const reference = driftReference({ x: x.map((v) => v * 0.9), c: c.map((v) => (v === 'z' ? 'a' : v)) }, [
      { name: 'x', type: 'numeric' },
      { name: 'c', type: 'categorical' },
    ]);
    const counter = new DriftCounter(reference);
    for (const [from, to] of [[0, 1], [1, 400], [400, 400], [400, n]]) counter.add({ x: x.subarray(from, to), c: c.slice(from, to) });
    const whole = psi(reference, { x, c });
    expect(counter.result()).toEqual(whole);
    expect(whole.every((d) => d.psi > 0)).toBe(true);
  });

  it('bins a column of doubles as it bins the same values in a plain array, at and beyond the edges', () => {
    const reference = driftReference({ x: Float64Array.from({ length: 100 }, (_, i) => i) }, [{ name: 'x', type: 'numeric' }]);
    const edges = (reference.features[0] as { edges: number[] }).edges;
    const values = [...edges, ...edges.map((e) => e + 1e-9), -Infinity, Infinity, Number.NaN, -5, 1000, 50];
    const asArray = new DriftCounter(reference);
    asArray.add({ x: values.map((v) => (Number.isNaN(v) ? null : v)) });
    const asDoubles = new DriftCounter(reference);
    asDoubles.add({ x: Float64Array.from(values) });
    // The module's rule counted by hand: bin #(edges < v), NaN in the last bin.
    const counts = new Array<number>(edges.length + 2).fill(0);
    for (const v of values) counts[Number.isNaN(v) ? edges.length + 1 : edges.filter((e) => e < v).length]++;
    const ref = reference.features[0] as { proportions: number[]; missing: number };
    const expected = populationStabilityIndex([...ref.proportions, ref.missing], counts.map((c) => c / values.length));
    expect(asDoubles.result()[0].psi).toBeCloseTo(expected, 12);
    expect(asDoubles.result()).toEqual(asArray.result());
  });
});
