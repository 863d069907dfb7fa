import { beforeAll, describe, expect, it } from 'vitest';
import { penalizedLogLoss } from '../../../src/learn/logistic/penalized-log-loss.ts';
import { tfjsLogLoss } from '../../../src/learn/logistic/tfjs-log-loss.ts';
import { matrix } from '../../../src/learn/matrix.ts';
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
});
