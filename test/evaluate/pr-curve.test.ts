import { beforeAll, describe, expect, it } from 'vitest';
import { prCurve as prCurveOfTable } from '../../src/evaluate/pr-curve.ts';
import { thresholdTable } from '../../src/evaluate/threshold-table.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

const prCurve = (scores: ArrayLike<number>, labels: ArrayLike<number>) => prCurveOfTable(thresholdTable(scores, labels));

describe('prCurve', () => {
  it('orders points by increasing threshold and ends at precision 1, recall 0', () => {
    // sklearn 1.2: precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    //   -> precision [0.6667, 0.5, 1, 1], recall [1, 0.5, 0.5, 0], thresholds [0.35, 0.4, 0.8]
    const c = prCurve(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1]));
    expect([...c.precision]).toEqual([2 / 3, 0.5, 1, 1]);
    expect([...c.recall]).toEqual([1, 0.5, 0.5, 0]);
    expect([...c.thresholds]).toEqual([0.35, 0.4, 0.8]);
  });
});

describePython(['sklearn'], 'prCurve against scikit-learn precision_recall_curve', () => {
  const s = randomScored(800, 12, 2);
  let expected: { p: number[]; r: number[]; thr: number[] };
  beforeAll(() => {
    expected = runPython(
      `import json, sys\nfrom sklearn.metrics import precision_recall_curve\nd = json.load(sys.stdin)\np, r, h = precision_recall_curve(d["y"], d["s"])\nprint(json.dumps({"p": p.tolist(), "r": r.tolist(), "thr": h.tolist()}))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('gives the same points', () => {
    const c = prCurve(s.scores, s.labels);
    expect([...c.thresholds]).toEqual(expected.thr);
    c.precision.forEach((v, k) => expect(v).toBeCloseTo(expected.p[k], 14));
    c.recall.forEach((v, k) => expect(v).toBeCloseTo(expected.r[k], 14));
  });
});
