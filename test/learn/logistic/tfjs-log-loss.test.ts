import { beforeAll, describe, expect, it } from 'vitest';
import { penalizedLogLoss, penalizedLogLossHessian } from '../../../src/learn/logistic/penalized-log-loss.ts';
import { tfjsLogLoss } from '../../../src/learn/logistic/tfjs-log-loss.ts';
import { matrix } from '../../../src/learn/matrix.ts';
import { poolWorkersUp } from '../../support/pool-workers.ts';
import { selectBackend } from '../../../src/runtime/backend.ts';

function problem(rows: number, cols: number) {
  const data = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k * 0.7) * 2);
  const y = Float64Array.from({ length: rows }, (_, i) => (Math.cos(i * 1.3) > 0 ? 1 : 0));
  const w = Float64Array.from({ length: rows }, (_, i) => 0.5 + (i % 3));
  return { x: matrix(rows, cols, data), y, w, C: 0.5 };
}

describe('tfjsLogLoss', () => {
  beforeAll(async () => {
    await selectBackend();
  });
  const prob = problem(301, 4);
  const theta = Float64Array.from([0.3, -0.2, 0.1, 0.05, -0.4]);

  it('agrees with the float64 loss and gradient to float32 accuracy', () => {
    const exact = new Float64Array(5);
    const fExact = penalizedLogLoss(prob, theta, exact);
    const t = tfjsLogLoss(prob);
    const g = new Float64Array(5);
    const f = t.objective(theta, g);
    t.dispose();
    expect(Math.abs(f - fExact) / fExact).toBeLessThan(1e-5);
    for (let k = 0; k < 5; k++) expect(g[k]).toBeCloseTo(exact[k], 3);
  });

  it('with withHessian, gives the float64 Hessian to float32 accuracy, in chunks, and the same loss and gradient', () => {
    const exactH = penalizedLogLossHessian(prob, theta);
    const exactG = new Float64Array(5);
    const fExact = penalizedLogLoss(prob, theta, exactG);
    // One resident chunk, then several (a chunk of 40 cells holds 10 rows of X̃).
    for (const options of [{ withHessian: true }, { withHessian: true, chunkElements: 40 }]) {
      const t = tfjsLogLoss(prob, options);
      const h = t.hessian?.(theta) as Float64Array;
      const g = new Float64Array(5);
      const f = t.objective(theta, g);
      t.dispose();
      expect(h).toHaveLength(25);
      const scale = Math.max(...exactH.map(Math.abs));
      for (let k = 0; k < 25; k++) expect(Math.abs(h[k] - exactH[k]) / scale).toBeLessThan(1e-5);
      for (let j = 0; j < 5; j++) for (let l = 0; l < j; l++) expect(h[j * 5 + l]).toBe(h[l * 5 + j]);
      expect(Math.abs(f - fExact) / fExact).toBeLessThan(1e-5);
      for (let k = 0; k < 5; k++) expect(g[k]).toBeCloseTo(exactG[k], 3);
    }
    // Streamed chunks change each evaluation: no Hessian then.
    const streamed = tfjsLogLoss(prob, { withHessian: true, residentBytes: 0 });
    expect(streamed.hessian).toBeNull();
    streamed.dispose();
  });

  it('gives the same result streaming small chunks as holding the matrix resident', () => {
    const resident = tfjsLogLoss(prob);
    const streamed = tfjsLogLoss(prob, { chunkElements: 40, residentBytes: 0 });
    const g1 = new Float64Array(5);
    const g2 = new Float64Array(5);
    const f1 = resident.objective(theta, g1);
    const f2 = streamed.objective(theta, g2);
    expect(resident.resident).toBe(true);
    expect(streamed.resident).toBe(false);
    resident.dispose();
    streamed.dispose();
    expect(f2).toBeCloseTo(f1, 3);
    for (let k = 0; k < 5; k++) expect(g2[k]).toBeCloseTo(g1[k], 3);
  });

  it('on a row sample, gives the sampled rows’ loss weighted up to the full count', () => {
    const sample = Int32Array.of(0, 1, 2, 50, 51, 52, 300);
    const picked = {
      x: matrix(sample.length, 4, Float64Array.from({ length: sample.length * 4 }, (_, k) => prob.x.data[sample[Math.floor(k / 4)] * 4 + (k % 4)])),
      y: Float64Array.from(sample, (i) => prob.y[i]),
      w: Float64Array.from(sample, (i) => prob.w[i] * (301 / sample.length)),
      C: prob.C,
    };
    const exact = new Float64Array(5);
    const fExact = penalizedLogLoss(picked, theta, exact);
    for (const options of [{}, { chunkElements: 12, residentBytes: 0 }]) {
      const t = tfjsLogLoss(prob, options, sample);
      const g = new Float64Array(5);
      const f = t.objective(theta, g);
      t.dispose();
      expect(Math.abs(f - fExact) / fExact).toBeLessThan(1e-5);
      for (let k = 0; k < 5; k++) expect(g[k]).toBeCloseTo(exact[k], 3);
    }
  });

  it('streaming from shared memory, gives the same loss and gradient when the pool’s threads convert the chunks', async () => {
    // 150,000 × 4 in one chunk of 600,000 cells: three pieces for the pool (float32-rows.ts).
    const rows = 150_000;
    const data = new Float64Array(new SharedArrayBuffer(rows * 4 * 8));
    for (let k = 0; k < data.length; k++) data[k] = Math.sin(k * 0.7) * 2;
    const big = { x: matrix(rows, 4, data), y: Float64Array.from({ length: rows }, (_, i) => (Math.cos(i * 1.3) > 0 ? 1 : 0)), w: null, C: 0.5 };
    const sample = new Int32Array(new SharedArrayBuffer(4 * 100_000));
    for (let k = 0; k < sample.length; k++) sample[k] = Math.floor(k * 1.5);
    const streamed = { chunkElements: 600_000, residentBytes: 0 };
    for (const rowsOf of [null, sample]) {
      const evaluate = (threads: number) => {
        const t = tfjsLogLoss(big, streamed, rowsOf, threads);
        const g = new Float64Array(5);
        const f = t.objective(theta, g);
        t.dispose();
        return { f, g: Array.from(g) };
      };
      const alone = evaluate(1);
      await poolWorkersUp();
      for (let run = 0; run < 2; run++) expect(evaluate(2)).toEqual(alone);
    }
  });
});
