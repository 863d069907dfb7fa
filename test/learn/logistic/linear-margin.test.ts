import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/calibrate/sigmoid.ts';
import { compileLinearMargin, linearMargin } from '../../../src/learn/logistic/linear-margin.ts';

describe('compileLinearMargin', () => {
  it('gives the loop’s margins bit for bit, for column counts around the unroll of 4', () => {
    for (const p of [1, 3, 4, 7, 40, 61]) {
      const rows = 50;
      const X = Float64Array.from({ length: rows * p }, (_, k) => Math.sin(k * 1.7) * 10 ** ((k % 5) - 2));
      const beta = Float64Array.from({ length: p }, (_, j) => Math.cos(j * 0.9) / (j + 1));
      const loop = new Float64Array(rows);
      const compiled = new Float64Array(rows);
      linearMargin(beta, -0.3)(X, loop, rows);
      const kernel = compileLinearMargin(beta, -0.3);
      expect(kernel).not.toBeNull();
      kernel!(X, compiled, rows);
      expect(compiled.every((v, i) => Object.is(v, loop[i]))).toBe(true);
    }
  });

  it('gives σ(margin) bit for bit as a probability, compiled or not', () => {
    const p = 61;
    const rows = 200;
    // Rows scaled from −50× to 50×: margins from saturated at 0 to saturated at 1.
    const X = Float64Array.from({ length: rows * p }, (_, k) => Math.sin(k * 0.37) * (Math.floor(k / p) - rows / 2) / 2);
    const beta = Float64Array.from({ length: p }, (_, j) => Math.cos(j * 0.9) / 2);
    const margins = new Float64Array(rows);
    linearMargin(beta, 0.7)(X, margins, rows);
    const expected = Array.from(margins, sigmoid);
    expect(expected).toContain(1);
    expect(Math.min(...expected)).toBeLessThan(1e-12);
    for (const kernel of [linearMargin(beta, 0.7, 'probability'), compileLinearMargin(beta, 0.7, 'probability')!]) {
      const out = new Float64Array(rows);
      kernel(X, out, rows);
      expect(Array.from(out).every((v, i) => Object.is(v, expected[i]))).toBe(true);
    }
  });

  it('carries NaN and infinities through as the loop does', () => {
    const X = Float64Array.of(Number.NaN, 1, Number.POSITIVE_INFINITY, 2);
    const beta = Float64Array.of(0.5, -1);
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    linearMargin(beta, 0)(X, a, 2);
    compileLinearMargin(beta, 0)!(X, b, 2);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('leaves very wide models to the loop', () => {
    expect(compileLinearMargin(new Float64Array(5000), 0)).toBeNull();
  });
});
