/**
 * A source table's columns in sorted-row order (sorted-rows.ts), each built once and shared by every
 * feature that reads it; strings become dictionary codes, so filters and distinct counts compare integers.
 */
import type { ColumnTable } from 'arquero';
import { columnValues } from '../data/column-values.ts';
import { DAY_MS } from '../data/contract.ts';
import type { DateFilter, WindowInput } from './aggregate-windows.ts';
import { isStringValued } from './plan.ts';
import type { SortedRows } from './sorted-rows.ts';
import type { AggregateFeature } from './spec.ts';

/** A string column as codes in sorted-row order (−1 = blank) and the value of each code. */
export interface CodedColumn {
  codes: Int32Array;
  values: string[];
}

export class SortedColumns {
  private readonly numbers = new Map<string, Float64Array>();
  private readonly coded = new Map<string, CodedColumn>();
  private readonly masks = new Map<string, Uint8Array>();

  constructor(
    private readonly table: ColumnTable,
    readonly rows: SortedRows,
  ) {}

  /** A numeric column in sorted-row order, NaN for blanks. */
  number(name: string): Float64Array {
    let col = this.numbers.get(name);
    if (!col) {
      const source = numberColumn(this.table, name);
      const { order } = this.rows;
      col = new Float64Array(order.length);
      for (let p = 0; p < order.length; p++) col[p] = source[order[p]];
      this.numbers.set(name, col);
    }
    return col;
  }

  /** A column as text codes in sorted-row order; a column the table lacks is all blank. */
  codes(name: string): CodedColumn {
    let col = this.coded.get(name);
    if (!col) {
      const { order } = this.rows;
      const codes = new Int32Array(order.length).fill(-1);
      const values: string[] = [];
      if (this.table.columnNames().includes(name)) {
        const raw = columnValues(this.table, name);
        const dict = new Map<string, number>();
        // Logs repeat values in runs (one customer's plan, a session's event type): skip the lookup then.
        let last: unknown = undefined;
        let lastCode = -1;
        for (let p = 0; p < order.length; p++) {
          const v = raw[order[p]];
          if (v !== last) {
            last = v;
            if (v === null || v === undefined) lastCode = -1;
            else {
              const s = String(v);
              let k = dict.get(s);
              if (k === undefined) {
                dict.set(s, (k = values.length));
                values.push(s);
              }
              lastCode = k;
            }
          }
          codes[p] = lastCode;
        }
      }
      this.coded.set(name, (col = { codes, values }));
    }
    return col;
  }

  /** 1 where the row's `column` is one of `allowed` (an `eq` / `in` filter). */
  mask(column: string, allowed: readonly string[]): Uint8Array {
    const key = JSON.stringify([column, allowed]);
    let m = this.masks.get(key);
    if (!m) {
      const { codes, values } = this.codes(column);
      const keep = Uint8Array.from(values, (v) => (allowed.includes(v) ? 1 : 0));
      m = new Uint8Array(codes.length);
      for (let p = 0; p < codes.length; p++) m[p] = codes[p] >= 0 ? keep[codes[p]] : 0;
      this.masks.set(key, m);
    }
    return m;
  }

  /** What `aggregateWindows` reads for feature `f` of this table. */
  windowInput(f: AggregateFeature): WindowInput {
    let value: Float64Array | null = null;
    let strings: (string | null)[] | null = null;
    let codes: Int32Array | null = null;
    let codeCount = 0;
    if (f.value && 'daysBetween' in f.value) {
      const a = this.number(f.value.daysBetween[0]);
      const b = this.number(f.value.daysBetween[1]);
      value = new Float64Array(a.length);
      for (let p = 0; p < a.length; p++) value[p] = (b[p] - a[p]) / DAY_MS;
    } else if (f.value) {
      const column = f.value.column;
      if (f.aggregation === 'distinctValues') {
        const coded = this.codes(column);
        codes = coded.codes;
        codeCount = coded.values.length;
      } else if (isStringValued(f)) {
        const coded = this.codes(column);
        strings = Array.from(coded.codes, (k) => (k < 0 ? null : coded.values[k]));
      } else {
        value = this.number(column);
      }
    }
    let mask: Uint8Array | null = null;
    const dateFilters: DateFilter[] = [];
    for (const flt of f.filter) {
      if (flt.op === 'openAt' || flt.op === 'closedBefore') {
        dateFilters.push({ op: flt.op, dates: this.number(flt.column) });
        continue;
      }
      const m = this.mask(flt.column, flt.op === 'eq' ? [flt.value] : flt.values);
      mask = mask ? Uint8Array.from(mask, (v: number, p: number) => v & m[p]) : m;
    }
    return { rows: this.rows, value, strings, codes, codeCount, mask, dateFilters };
  }
}

const numberCache = new WeakMap<ColumnTable, Map<string, Float64Array>>();

/** A column as Float64Array with NaN for blanks (and for a column the table lacks). */
export function numberColumn(table: ColumnTable, name: string): Float64Array {
  let cache = numberCache.get(table);
  if (!cache) numberCache.set(table, (cache = new Map()));
  let col = cache.get(name);
  if (!col) {
    const present = table.columnNames().includes(name);
    const stored = present ? columnValues(table, name) : null;
    // Already doubles (the clean store's NULL-free numeric columns): used as they are, read-only.
    if (stored instanceof Float64Array) {
      cache.set(name, stored);
      return stored;
    }
    col = new Float64Array(table.numRows()).fill(NaN);
    if (stored !== null) {
      for (let i = 0; i < col.length; i++) {
        const v = stored[i];
        col[i] = typeof v === 'number' ? v : v === null || v === undefined || v === '' ? NaN : Number(v);
      }
    }
    cache.set(name, col);
  }
  return col;
}

