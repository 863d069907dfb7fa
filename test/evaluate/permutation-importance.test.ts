import { describe, expect, it } from 'vitest';
import { logLoss } from '../../src/evaluate/log-loss.ts';
import { permutationImportance } from '../../src/evaluate/permutation-importance.ts';
import { rocAuc } from '../../src/evaluate/roc-auc.ts';
import { fromColumns, type Matrix } from '../../src/learn/matrix.ts';
import { bernoulli, randomNormal } from './random-scores.ts';

// Churn depends on column 0 only; column 1 is noise the "model" ignores.
const n = 400;
const x0 = randomNormal(n, 71);
const x1 = randomNormal(n, 72);
const x = fromColumns([x0, x1]);
const sig = (v: number) => 1 / (1 + Math.exp(-v));
const y = bernoulli(Float64Array.from(x0, (v) => sig(2 * v)), 73);
const predict = (m: Matrix) => {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = sig(2 * m.data[i * m.cols]);
  return out;
};

describe('permutationImportance', () => {
  it('gives exactly zero to a column the model ignores', () => {
    const r = permutationImportance(predict, x, y, rocAuc, { repeats: 3, seed: 1 });
    expect(r.columns[1].mean).toBe(0);
    expect(r.columns[1].std).toBe(0);
  });

  it('gives a clearly positive importance to the column the model uses', () => {
    const r = permutationImportance(predict, x, y, rocAuc, { repeats: 3, seed: 1, names: ['driver', 'noise'] });
    expect(r.columns[0].name).toBe('driver');
    expect(r.columns[0].mean).toBeGreaterThan(0.2);
    expect(r.baseline).toBe(rocAuc(predict(x), y));
  });

  it('flips the sign for a loss, so important still means positive', () => {
    const r = permutationImportance(predict, x, y, logLoss, { repeats: 3, seed: 1, greaterIsBetter: false });
    expect(r.columns[0].mean).toBeGreaterThan(0);
  });

  it('is reproducible for a seed and leaves the input matrix untouched', () => {
    const before = Float64Array.from(x.data);
    const a = permutationImportance(predict, x, y, rocAuc, { repeats: 2, seed: 5 });
    const b = permutationImportance(predict, x, y, rocAuc, { repeats: 2, seed: 5 });
    expect(a).toEqual(b);
    expect(x.data).toEqual(before);
  });
});
