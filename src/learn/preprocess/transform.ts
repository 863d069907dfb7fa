/**
 * Applies a fitted preprocessing to a raw table: the design matrix, its column names and, for
 * each column, the source feature it came from (reasons sum contributions per source feature).
 */
import type { Matrix } from '../matrix.ts';
import { encodeFeature, encodedNames } from './encode-feature.ts';
import type { PreprocessorSpec, RawTable } from './spec.ts';
import { tableRows } from './table-rows.ts';

export interface EncodedTable {
  readonly matrix: Matrix;
  readonly columnNames: string[];
  /** source[j] = index into `spec.features` of the feature matrix column j encodes. */
  readonly source: Int32Array;
}

/** Cost: one pass over rows × encoded columns; the only allocation is the output matrix. */
export function transform(spec: PreprocessorSpec, table: RawTable): EncodedTable {
  const rows = tableRows(
    table,
    spec.features.map((f) => f.name),
  );
  const cols = spec.columns.length;
  const data = new Float64Array(rows * cols);
  let offset = 0;
  spec.features.forEach((feature, f) => {
    const first = offset;
    while (offset < cols && spec.columns[offset].feature === f) offset++;
    if (offset - first !== encodedNames(feature).length) {
      throw new Error(`transform: preprocessor lists ${offset - first} columns for "${feature.name}", its encoding has ${encodedNames(feature).length}`);
    }
    const center = spec.columns.slice(first, offset).map((c) => c.center);
    const scale = spec.columns.slice(first, offset).map((c) => c.scale);
    encodeFeature(feature, table[feature.name], rows, spec.missing, (i, k, v) => {
      data[i * cols + first + k] = (v - center[k]) / scale[k];
    });
  });
  if (offset !== cols) throw new Error('transform: preprocessor columns are not grouped by feature in order');
  return {
    matrix: { rows, cols, data },
    columnNames: spec.columns.map((c) => c.name),
    source: Int32Array.from(spec.columns, (c) => c.feature),
  };
}
