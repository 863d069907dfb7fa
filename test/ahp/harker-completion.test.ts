import { describe, expect, it } from 'vitest';
import { consistentMatrix } from '../../src/ahp/consistent-matrix.ts';
import { harkerCompletion, judgmentGroups } from '../../src/ahp/harker-completion.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';
import { principalEigenvector } from '../../src/ahp/principal-eigenvector.ts';
import { describePython, runPython } from '../support/python.ts';

const N = null;
const r = (x: number) => 1 / x;

describe('harkerCompletion', () => {
  it('completes a consistent chain exactly (a_12 = 2, a_23 = 3 ⇒ a_13 = 6)', () => {
    const h = harkerCompletion(pairwiseMatrix([[1, 2, N], [0.5, 1, 3], [N, r(3), 1]]));
    expect(h.ok).toBe(true);
    if (!h.ok) return;
    expect(h.completed).toEqual([{ row: 0, col: 2, value: expect.closeTo(6, 9) }]);
    [0.6, 0.3, 0.1].forEach((w, i) => expect(h.weights[i]).toBeCloseTo(w, 10));
  });

  it('recovers the weights of any consistent matrix with a connected set of judgments (Harker 1987, §3)', () => {
    const full = consistentMatrix([0.4, 0.25, 0.15, 0.12, 0.08]);
    const values = Float64Array.from(full.values);
    for (const [i, j] of [[0, 2], [0, 4], [1, 3], [2, 4], [1, 4]]) values[i * 5 + j] = values[j * 5 + i] = Number.NaN;
    const h = harkerCompletion({ n: 5, values });
    expect(h.ok).toBe(true);
    if (h.ok) [0.4, 0.25, 0.15, 0.12, 0.08].forEach((w, i) => expect(h.weights[i]).toBeCloseTo(w, 10));
  });

  it('gives weights that are the principal eigenvector of the completed matrix', () => {
    const h = harkerCompletion(pairwiseMatrix([[1, 1, 5, 2], [1, 1, 3, 4], [r(5), r(3), 1, N], [r(2), r(4), N, 1]]));
    if (!h.ok) throw new Error('expected a completion');
    const e = principalEigenvector(h.matrix).weights;
    h.weights.forEach((w, i) => expect(e[i]).toBeCloseTo(w, 10));
  });

  it('reports the separate groups when judgments do not link all criteria', () => {
    const m = pairwiseMatrix([[1, 2, N, N], [0.5, 1, N, N], [N, N, 1, 3], [N, N, r(3), 1]]);
    expect(judgmentGroups(m)).toEqual([[0, 1], [2, 3]]);
    expect(harkerCompletion(m)).toEqual({ ok: false, groups: [[0, 1], [2, 3]] });
  });
});

// The incomplete version of Saaty's house example that Harker (1987) and Bozóki, Fülöp & Rónyai
// (2010, Math. Comput. Modelling 52:318–333) complete; the pattern of given judgments is the one in
// AHPy's tests (test_incomplete_housing_missing_comparisons). Harker's weights are the Perron
// vector of his matrix C, computed here independently with numpy.
const housing: Array<[number, number, number]> = [
  [0, 1, 5], [0, 2, 3], [0, 3, 7], [0, 4, 6], [0, 5, 6], [1, 3, 5], [1, 5, 3], [2, 4, 3], [2, 6, 6],
  [5, 3, 4], [6, 0, 3], [6, 4, 5], [7, 0, 4], [7, 1, 7], [7, 3, 8], [7, 5, 6],
];

describePython(['numpy'], "harkerCompletion against numpy on Harker's C matrix", () => {
  it('matches the Perron vector of C for the incomplete house example', () => {
    const rows: (number | null)[][] = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (__, j) => (i === j ? 1 : null)));
    for (const [i, j, v] of housing) {
      rows[i][j] = v;
      rows[j][i] = 1 / v;
    }
    const script = `
import json, sys, numpy as np
a = np.array([[np.nan if v is None else v for v in row] for row in json.load(sys.stdin)])
missing = np.isnan(a)
c = np.where(missing, 0.0, a)
np.fill_diagonal(c, 1 + missing.sum(axis=1))
vals, vecs = np.linalg.eig(c)
v = np.abs(vecs[:, int(np.argmax(vals.real))].real)
print(json.dumps((v / v.sum()).tolist()))`;
    const ref = runPython<number[]>(script, rows);
    const h = harkerCompletion(pairwiseMatrix(rows));
    if (!h.ok) throw new Error('expected a completion');
    ref.forEach((w, i) => expect(h.weights[i]).toBeCloseTo(w, 10));
    expect(h.completed).toHaveLength(12);
  });
});
