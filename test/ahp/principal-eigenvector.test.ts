import { describe, expect, it } from 'vitest';
import { consistentMatrix } from '../../src/ahp/consistent-matrix.ts';
import { pairwiseMatrix } from '../../src/ahp/pairwise-matrix.ts';
import { principalEigenvector } from '../../src/ahp/principal-eigenvector.ts';
import { describePython, runPython } from '../support/python.ts';
import { DRINKS, LEADER } from './examples.ts';

describe('principalEigenvector', () => {
  it('reproduces the published priorities of the Wikipedia leader example', () => {
    const w = principalEigenvector(pairwiseMatrix(LEADER.rows)).weights;
    // Published to three decimals by software that truncates: within 0.001 of each.
    LEADER.weights.forEach((p, i) => expect(Math.abs(w[i] - p)).toBeLessThanOrEqual(0.001));
  });

  it("reproduces Saaty's (2008) drinks-consumption priorities", () => {
    const w = principalEigenvector(pairwiseMatrix(DRINKS.rows)).weights;
    DRINKS.weights.forEach((p, i) => expect(w[i]).toBeCloseTo(p, 3));
  });

  it('returns the generating weights and λmax = n for a consistent matrix', () => {
    const e = principalEigenvector(consistentMatrix([0.5, 0.3, 0.2]));
    expect(Array.from(e.weights)).toEqual([0.5, 0.3, 0.2].map((v) => expect.closeTo(v, 12)));
    expect(e.lambdaMax).toBeCloseTo(3, 12);
  });

  it('weights sum to 1', () => {
    const w = principalEigenvector(pairwiseMatrix(DRINKS.rows)).weights;
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });

  it('refuses a matrix with a missing judgment', () => {
    expect(() => principalEigenvector(pairwiseMatrix([[1, null], [null, 1]]))).toThrow(/missing/);
  });
});

describePython(['numpy'], 'principalEigenvector against numpy.linalg.eig', () => {
  it('matches the Perron vector and eigenvalue to 1e-10', () => {
    const script = `
import json, sys, numpy as np
out = []
for m in json.load(sys.stdin):
    vals, vecs = np.linalg.eig(np.array(m))
    k = int(np.argmax(vals.real))
    v = np.abs(vecs[:, k].real)
    out.append({"w": (v / v.sum()).tolist(), "l": float(vals[k].real)})
print(json.dumps(out))`;
    const ref = runPython<{ w: number[]; l: number }[]>(script, [LEADER.rows, DRINKS.rows]);
    [LEADER.rows, DRINKS.rows].forEach((rows, k) => {
      const e = principalEigenvector(pairwiseMatrix(rows));
      ref[k].w.forEach((v, i) => expect(e.weights[i]).toBeCloseTo(v, 10));
      expect(e.lambdaMax).toBeCloseTo(ref[k].l, 10);
    });
  });
});
