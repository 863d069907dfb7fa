/**
 * What the batch job scores: rows of model inputs arriving in chunks, so that the job's working
 * set is one chunk whatever the size of the population. A source can be read more than once
 * (capacity tiers need a first pass over every probability before any row gets its tier).
 */
import type { ColumnTable } from 'arquero';
import { columnValues } from '../data/column-values.ts';
import type { ModelInputs } from '../learn/model-inputs.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';

export interface InputChunk {
  readonly customerId: string[];
  /** Every model input as a raw column (numbers as doubles where the source has them). */
  readonly raw: RawTable;
}

export interface InputSource {
  /** Rows the source will yield, when known before reading (a progress bar's total). */
  readonly rows: number | null;
  /**
   * Chunks of about `chunkRows` rows. A chunk's numeric columns may be views of a buffer the
   * source reuses: a chunk is valid until the next one is asked for, so copy what must outlive it.
   */
  chunks(chunkRows: number): AsyncIterable<InputChunk>;
}

/**
 * An in-memory feature table (the arquero engine's snapshot) in chunks: numeric columns are
 * viewed, not copied, so a chunk costs only its category labels and ids. The caller has checked
 * that every input column is present.
 */
export function tableSource(table: ColumnTable, inputs: ModelInputs): InputSource {
  const n = table.numRows();
  const ids = columnValues(table, 'customer_id');
  const columns = inputs.features.map((f) => [f, columnValues(table, f)] as const);
  return {
    rows: n,
    async *chunks(chunkRows: number) {
      for (let start = 0; start < n; start += chunkRows) {
        const end = Math.min(n, start + chunkRows);
        const raw: Record<string, ArrayLike<unknown>> = {};
        for (const [name, values] of columns) raw[name] = slice(values, start, end);
        const customerId: string[] = new Array<string>(end - start);
        for (let i = start; i < end; i++) customerId[i - start] = String(ids[i]);
        yield { customerId, raw: raw as RawTable };
      }
    },
  };
}

function slice(values: ArrayLike<unknown>, start: number, end: number): ArrayLike<unknown> {
  if (values instanceof Float64Array) return values.subarray(start, end);
  return Array.prototype.slice.call(values, start, end) as unknown[];
}
