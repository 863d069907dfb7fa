import { beforeAll, describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../src/learn/logistic/fit.ts';
import { penalizedLogLoss } from '../../../src/learn/logistic/penalized-log-loss.ts';
import { sampleRows } from '../../../src/learn/logistic/row-sample.ts';
import { classWeightsPerRow } from '../../../src/learn/logistic/class-weights.ts';
import { designData, matrix } from '../../../src/learn/matrix.ts';
import { selectBackend } from '../../../src/runtime/backend.ts';
import { poolWorkersUp } from '../../support/pool-workers.ts';

/** 2,000 rows, churn driven up by column 0 and down by column 1; column 2 is noise. */
function drivers() {
  const rows = 2000;
  const data = new Float64Array(rows * 3);
  const y = new Float64Array(rows);
  let seed = 12345;
  const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < 3; j++) data[i * 3 + j] = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const m = -1 + 1.5 * data[i * 3] - 1 * data[i * 3 + 1];
    y[i] = u() < 1 / (1 + Math.exp(-m)) ? 1 : 0;
  }
  return { x: matrix(rows, 3, data), y };
}

describe('fitLogistic', () => {
  beforeAll(async () => {
    await selectBackend();
  });
  const { x, y } = drivers();
  const names = ['up', 'down', 'noise'];

  it('reaches the penalised optimum: the float64 gradient is below the tolerance', async () => {
    const spec = await fitLogistic(x, y, names, { tol: 1e-8 });
    const g = new Float64Array(4);
    penalizedLogLoss({ x, y, w: null, C: 1 }, Float64Array.from([...spec.coefficients, spec.intercept]), g);
    expect(Math.max(...g.map(Math.abs))).toBeLessThanOrEqual(1e-8);
    expect(spec.fit.converged).toBe(true);
  });

  it('gives the known churn drivers coefficients of the right sign', async () => {
    const spec = await fitLogistic(x, y, names);
    expect(spec.coefficients[0]).toBeGreaterThan(1);
    expect(spec.coefficients[1]).toBeLessThan(-0.5);
    expect(Math.abs(spec.coefficients[2])).toBeLessThan(0.15);
  });

  it('is deterministic: two fits give identical coefficients', async () => {
    const a = await fitLogistic(x, y, names);
    const b = await fitLogistic(x, y, names);
    expect(b.coefficients).toEqual(a.coefficients);
    expect(b.intercept).toBe(a.intercept);
  });

  it('with balanced class weights, reaches the weighted optimum', async () => {
    const spec = await fitLogistic(x, y, names, { classWeight: 'balanced', tol: 1e-8 });
    const g = new Float64Array(4);
    penalizedLogLoss({ x, y, w: classWeightsPerRow(y, 'balanced'), C: 1 }, Float64Array.from([...spec.coefficients, spec.intercept]), g);
    expect(Math.max(...g.map(Math.abs))).toBeLessThanOrEqual(1e-8);
  });

  it('shrinks coefficients harder with a smaller C', async () => {
    const loose = await fitLogistic(x, y, names, { C: 1 });
    const tight = await fitLogistic(x, y, names, { C: 0.001 });
    expect(Math.abs(tight.coefficients[0])).toBeLessThan(Math.abs(loose.coefficients[0]));
  });

  it('refuses labels other than 0 and 1, naming the row', async () => {
    await expect(fitLogistic(x, Float64Array.from(y, (v, i) => (i === 7 ? 2 : v)), names)).rejects.toThrow(/row 7/);
  });

  it('refuses a matrix with missing values', async () => {
    const holed = matrix(x.rows, 3, Float64Array.from(x.data, (v, k) => (k === 4 ? Number.NaN : v)));
    await expect(fitLogistic(holed, y, names)).rejects.toThrow(/row 1, column 1/);
  });

  it('refuses a non-finite value in a large matrix, whether its row is in the Hessian sample or not', async () => {
    // 70,000 rows: the fit samples 65,536 of them first, and checks the others in its first full pass.
    const rows = 70_000;
    const data = new Float64Array(rows * 3);
    const labels = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < 3; j++) data[i * 3 + j] = Math.sin(i * 0.7 + j);
      labels[i] = (i * 7919) % 3 === 0 ? 1 : 0;
    }
    const sampled = new Set(sampleRows(rows, 65_536));
    const outside = Array.from({ length: rows }, (_, i) => i).find((i) => !sampled.has(i))!;
    const inside = 12_345;
    expect(sampled.has(inside)).toBe(true);
    const holed = (row: number, value: number) => matrix(rows, 3, Float64Array.from(data, (v, k) => (k === row * 3 + 2 ? value : v)));
    await expect(fitLogistic(holed(outside, Number.NaN), labels, names)).rejects.toThrow(new RegExp(`row ${outside}, column 2 is NaN`));
    await expect(fitLogistic(holed(outside, Number.NEGATIVE_INFINITY), labels, names)).rejects.toThrow(new RegExp(`row ${outside}, column 2 is -Infinity`));
    await expect(fitLogistic(holed(inside, Number.POSITIVE_INFINITY), labels, names)).rejects.toThrow(/row 12345, column 2 is Infinity/);
  });

  it('on a matrix in shared memory, fits identically with one thread and with worker threads', async () => {
    // 70,000 × 30 = 2.1M cells: designData puts it in shared memory, and the fit uses the warm
    // start on a sample, and the pool's threads for the float32 conversion and the float64 passes.
    const rows = 70_000;
    const p = 30;
    const data = designData(rows * p);
    expect(data.buffer).toBeInstanceOf(SharedArrayBuffer);
    const labels = new Float64Array(rows);
    let seed = 7;
    const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
    for (let i = 0; i < rows; i++) {
      let m = -0.5;
      for (let j = 0; j < p; j++) {
        data[i * p + j] = u() * 2 - 1;
        m += data[i * p + j] * (j % 2 === 0 ? 0.4 : -0.3);
      }
      labels[i] = u() < 1 / (1 + Math.exp(-m)) ? 1 : 0;
    }
    const wide = matrix(rows, p, data);
    const columns = Array.from({ length: p }, (_, j) => `x${j}`);
    const alone = await fitLogistic(wide, labels, columns, { threads: 1 });
    await poolWorkersUp();
    for (let run = 0; run < 2; run++) {
      const pooled = await fitLogistic(wide, labels, columns, { threads: 2 });
      expect(pooled.coefficients).toEqual(alone.coefficients);
      expect(pooled.intercept).toBe(alone.intercept);
      expect(pooled.fit.converged).toBe(true);
      expect(pooled.fit.warmStart).not.toBeNull();
    }
  });
});
