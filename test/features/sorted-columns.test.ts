import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { numberColumn, SortedColumns } from '../../src/features/sorted-columns.ts';
import { sortRows } from '../../src/features/sorted-rows.ts';

// Rows of customers 1, 0, 1, 0 at times 30, 20, 10, 40: sorted order is rows 1, 3 (customer 0), 2, 0 (customer 1).
const table = aq.table({
  customer: [1, 0, 1, 0],
  time: [30, 20, 10, 40],
  kind: ['login', 'report', null, 'login'],
  amount: [5, null, '7', 1],
});
const sorted = () => new SortedColumns(table, sortRows(Int32Array.from([1, 0, 1, 0]), Float64Array.from([30, 20, 10, 40]), 2));

describe('numberColumn', () => {
  it('reads numbers and numeric text, with NaN for blanks and for a missing column', () => {
    expect(Array.from(numberColumn(table, 'amount'))).toEqual([5, NaN, 7, 1]);
    expect(Array.from(numberColumn(table, 'absent'))).toEqual([NaN, NaN, NaN, NaN]);
  });
});

describe('SortedColumns', () => {
  it('puts a numeric column in sorted-row order', () => {
    expect(Array.from(sorted().number('amount'))).toEqual([NaN, 1, 7, 5]);
  });

  it('codes a text column in sorted-row order, −1 for blanks', () => {
    const { codes, values } = sorted().codes('kind');
    expect(Array.from(codes, (k) => (k < 0 ? null : values[k]))).toEqual(['report', 'login', null, 'login']);
  });

  it('masks the rows whose value is allowed by an eq / in filter', () => {
    expect(Array.from(sorted().mask('kind', ['login']))).toEqual([0, 1, 0, 1]);
    expect(Array.from(sorted().mask('kind', ['login', 'report']))).toEqual([1, 1, 0, 1]);
  });

  it('builds a column once for every feature that reads it', () => {
    const columns = sorted();
    expect(columns.codes('kind')).toBe(columns.codes('kind'));
    expect(columns.number('amount')).toBe(columns.number('amount'));
  });
});
