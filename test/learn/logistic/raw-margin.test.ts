import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinearMargin, linearMargin } from '../../../src/learn/logistic/linear-margin.ts';
import { RawLinearMargin } from '../../../src/learn/logistic/raw-margin.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import type { MissingPolicy, PreprocessorSpec, RawTable } from '../../../src/learn/preprocess/spec.ts';
import { transform } from '../../../src/learn/preprocess/transform.ts';

/** The margins the matrix path gives: transform, then the compiled kernel (or the loop). */
function viaMatrix(spec: PreprocessorSpec, beta: Float64Array, intercept: number, raw: RawTable): Float64Array {
  const { matrix } = transform(spec, raw);
  const out = new Float64Array(matrix.rows);
  (compileLinearMargin(beta, intercept) ?? linearMargin(beta, intercept))(matrix.data, out, matrix.rows);
  return out;
}

const sameBits = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const numberCell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
  { weight: 1, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0) },
);
const labelCell = fc.oneof(fc.constantFrom('a', 'b', 'c', 'zz', ' ', ''), fc.constant(null), fc.string({ maxLength: 3 }));

/** A training table and a scoring table over the same columns: `n` numeric, `k` categorical. */
const tables = fc
  .record({ numeric: fc.integer({ min: 0, max: 7 }), categorical: fc.integer({ min: 0, max: 3 }), trainRows: fc.integer({ min: 2, max: 12 }), rows: fc.integer({ min: 0, max: 40 }) })
  .filter((s) => s.numeric + s.categorical > 0)
  .chain((s) => {
    const names = [...Array.from({ length: s.numeric }, (_, j) => `x${j}`), ...Array.from({ length: s.categorical }, (_, j) => `c${j}`)];
    const table = (rows: number) =>
      fc.tuple(...names.map((n) => (n.startsWith('x') ? fc.array(numberCell, { minLength: rows, maxLength: rows }) : fc.array(labelCell, { minLength: rows, maxLength: rows }))));
    return fc.record({
      names: fc.constant(names),
      categorical: fc.constant(names.filter((n) => n.startsWith('c'))),
      train: table(s.trainRows),
      score: table(s.rows),
      missing: fc.constantFrom<MissingPolicy>('impute', 'keep'),
      standardize: fc.boolean(),
      typed: fc.boolean(),
      intercept: fc.double({ min: -5, max: 5, noNaN: true }),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
  });

function asTable(names: string[], columns: unknown[][], typed: boolean): RawTable {
  return Object.fromEntries(
    names.map((n, j) => {
      const c = columns[j] as (number | string | null)[];
      // Numeric columns as the batch job holds them (doubles) or as a notebook may give them.
      return [n, n.startsWith('x') && typed ? Float64Array.from(c as number[]) : c.map((v) => (typeof v === 'number' && Number.isNaN(v) && !typed ? null : v))];
    }),
  );
}

describe('RawLinearMargin', () => {
  it('gives the margins of transform and the margin kernel, bit for bit', () => {
    fc.assert(
      fc.property(tables, (t) => {
        // Training tables must not hold infinities: the fitted statistics would not be finite.
        const train = t.train.map((c, j) => (t.names[j].startsWith('x') ? (c as number[]).map((v) => (Number.isFinite(v) ? v : Number.NaN)) : c));
        const spec = fitPreprocessor(asTable(t.names, train, true), { features: t.names, categorical: t.categorical, standardize: t.standardize, missing: t.missing });
        const beta = Float64Array.from(spec.columns, (_, j) => Math.sin(t.seed + j * 1.3) * 10 ** ((j % 5) - 2));
        const raw = asTable(t.names, t.score, t.typed);
        const expected = viaMatrix(spec, beta, t.intercept, raw);
        const margin = new RawLinearMargin(spec, beta, t.intercept);
        expect(sameBits(margin.margin(raw), expected)).toBe(true);
        // Again with its buffers reused and the output written into a larger array.
        const into = new Float64Array(expected.length + 3);
        expect(sameBits(margin.margin(raw, into), expected)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps summing in the kernel’s order past 1,024 columns, where the loop replaces the compiled kernel', () => {
    const names = Array.from({ length: 1030 }, (_, j) => `x${j}`);
    const column = (j: number, rows: number) => Float64Array.from({ length: rows }, (_, i) => ((i * 7 + j) % 11 === 0 ? Number.NaN : Math.cos(i + j) * 1e3));
    const spec = fitPreprocessor(Object.fromEntries(names.map((n, j) => [n, column(j, 20)])), { features: names });
    const beta = Float64Array.from(spec.columns, (_, j) => 1 / (j + 1));
    const raw = Object.fromEntries(names.map((n, j) => [n, column(j + 3, 9)]));
    expect(sameBits(new RawLinearMargin(spec, beta, 0.25).margin(raw), viaMatrix(spec, beta, 0.25, raw))).toBe(true);
  });

  it('refuses coefficients that do not match the columns', () => {
    const spec = fitPreprocessor({ x: [1, 2] }, { features: ['x'] });
    expect(() => new RawLinearMargin(spec, new Float64Array(3), 0)).toThrow(/3 coefficients for 1 columns/);
  });

  it('names a feature column absent from the table', () => {
    const spec = fitPreprocessor({ x: [1, 2], c: ['a', 'b'] }, { features: ['x', 'c'], categorical: ['c'] });
    expect(() => new RawLinearMargin(spec, new Float64Array(spec.columns.length), 0).margin({ x: [1] })).toThrow(/absent.*c/);
  });
});
