import { beforeAll, describe, expect, it } from 'vitest';
import { reliabilityTable } from '../../src/evaluate/reliability-table.ts';
import { describePython, runPython } from '../support/python.ts';
import { randomScored } from './random-scores.ts';

describe('reliabilityTable', () => {
  it('reports an empty bin with null means', () => {
    const rows = reliabilityTable(new Float64Array([0.05, 0.95]), new Uint8Array([0, 1]));
    expect(rows).toHaveLength(10);
    expect(rows[4]).toEqual({ lower: 0.4, upper: 0.5, count: 0, meanPredicted: null, observedRate: null });
    expect(rows[9].observedRate).toBe(1);
  });
});

describePython(['sklearn'], 'reliabilityTable against scikit-learn calibration_curve', () => {
  // One decimal: many probabilities sit exactly on bin edges.
  const s = randomScored(1000, 51, 1);
  let expected: { t: number[]; p: number[] };
  beforeAll(() => {
    expected = runPython(
      `import json, sys\nfrom sklearn.calibration import calibration_curve\nd = json.load(sys.stdin)\nt, p = calibration_curve(d["y"], d["s"], n_bins=10, strategy="uniform")\nprint(json.dumps({"t": t.tolist(), "p": p.tolist()}))`,
      { s: [...s.scores], y: [...s.labels] },
    );
  });

  it('has the same observed and predicted means in the non-empty bins', () => {
    const rows = reliabilityTable(s.scores, s.labels).filter((r) => r.count > 0);
    expect(rows.map((r) => r.observedRate)).toHaveLength(expected.t.length);
    rows.forEach((r, k) => {
      expect(r.observedRate).toBeCloseTo(expected.t[k], 14);
      expect(r.meanPredicted).toBeCloseTo(expected.p[k], 14);
    });
  });
});
