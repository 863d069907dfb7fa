import { beforeAll, describe, expect, it } from 'vitest';
import { rocCurve as rocCurveOfTable } from '../../src/evaluate/roc-curve.ts';
import { thresholdTable } from '../../src/evaluate/threshold-table.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

const rocCurve = (scores: ArrayLike<number>, labels: ArrayLike<number>) => rocCurveOfTable(thresholdTable(scores, labels));

describe('rocCurve', () => {
  it('starts at (0, 0) with threshold max + 1 and ends at (1, 1)', () => {
    // sklearn 1.2: roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    //   -> fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [1.8, 0.8, 0.4, 0.35, 0.1]
    const c = rocCurve(new Float64Array([0.1, 0.4, 0.35, 0.8]), new Uint8Array([0, 0, 1, 1]));
    expect([...c.fpr]).toEqual([0, 0, 0.5, 0.5, 1]);
    expect([...c.tpr]).toEqual([0, 0.5, 0.5, 1, 1]);
    expect([...c.thresholds]).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
  });
});

describePython(['sklearn'], 'rocCurve against scikit-learn roc_curve', () => {
  const s = randomScored(800, 11, 2);
  let expected: { fpr: number[]; tpr: number[]; thr: number[] };
  beforeAll(() => {
    expected = runPython(
      `import json, sys\nfrom sklearn.metrics import roc_curve\nd = json.load(sys.stdin)\nf, t, h = roc_curve(d["y"], d["s"])\nprint(json.dumps({"fpr": f.tolist(), "tpr": t.tolist(), "thr": h.tolist()}))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('drops the same intermediate points and gives the same coordinates', () => {
    const c = rocCurve(s.scores, s.labels);
    expect([...c.thresholds]).toEqual(expected.thr);
    c.fpr.forEach((v, k) => expect(v).toBeCloseTo(expected.fpr[k], 14));
    c.tpr.forEach((v, k) => expect(v).toBeCloseTo(expected.tpr[k], 14));
  });
});
