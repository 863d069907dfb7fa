/**
 * What the batch job scores: rows of model inputs in chunks, so its working set is one chunk. A source can be
 * read more than once (capacity tiers need a first pass over every probability).
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
  /** Chunks of about `chunkRows` rows, each valid until the next is asked for (its buffers are reused). */
  chunks(chunkRows: number): AsyncIterable<InputChunk>;
}

/** An in-memory feature table in chunks, numeric columns viewed, not copied; every input must be present. */
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
