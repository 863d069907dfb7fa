/** Applies a fitted preprocessing to a raw table: the design matrix, column names and source features. */
import { designData } from '../matrix.ts';
import type { Matrix } from '../matrix.ts';
import { encodeFeature } from './encode-feature.ts';
import { featureSpans } from './feature-spans.ts';
import type { MissingPolicy, NumericFeature, PreprocessorSpec, RawColumn, RawTable, SourceFeature } from './spec.ts';
import { tableRows } from './table-rows.ts';

export interface EncodedTable {
  readonly matrix: Matrix;
  readonly columnNames: string[];
  /** source[j] = index into `spec.features` of the feature matrix column j encodes. */
  readonly source: Int32Array;
}

/** Rows per block: a block's slice of the matrix (block × columns doubles) stays in cache. */
const BLOCK = 64;

/**
 * The matrix goes into `into` when it is large enough (valid until `into` is reused). Rows go in
 * blocks, every feature within a block: a whole column at a time would touch a new cache line per write.
 */
export function transform(spec: PreprocessorSpec, table: RawTable, into?: Float64Array): EncodedTable {
  const rows = tableRows(table, spec.features.map((f) => f.name));
  const cols = spec.columns.length;
  // A reused buffer saves the page faults of a fresh matrix; every cell is written below.
  const data = into !== undefined && into.length >= rows * cols ? into.subarray(0, rows * cols) : designData(rows * cols);
  const spans = featureSpans(spec, 'transform');
  const plans = spec.features.map((feature, f) => {
    const { first, width } = spans[f];
    const center = spec.columns.slice(first, first + width).map((c) => c.center);
    const scale = spec.columns.slice(first, first + width).map((c) => c.scale);
    const put = (i: number, k: number, v: number): void => {
      data[i * cols + first + k] = (v - center[k]) / scale[k];
    };
    const column = table[feature.name];
    const floats = feature.type === 'numeric' && column instanceof Float64Array ? column : null;
    return { feature, column, floats, target: { data, cols, first, center, scale }, put };
  });
  fillBlocks(plans, rows, spec.missing);
  return {
    matrix: { rows, cols, data },
    columnNames: spec.columns.map((c) => c.name),
    source: Int32Array.from(spec.columns, (c) => c.feature),
  };
}

interface Plan {
  readonly feature: SourceFeature;
  readonly column: RawColumn;
  /** The column when it is numeric and held as doubles (the fast path), else null. */
  readonly floats: Float64Array | null;
  readonly target: Target;
  readonly put: (i: number, k: number, v: number) => void;
}

/**
 * The row blocks, every feature within each. A function of its own so that V8 optimises this
 * loop by itself; inside `transform` it kept being thrown away at the code after the loop.
 */
function fillBlocks(plans: readonly Plan[], rows: number, missing: MissingPolicy): void {
  for (let start = 0; start < rows; start += BLOCK) {
    const end = Math.min(rows, start + BLOCK);
    for (let p = 0; p < plans.length; p++) {
      const plan = plans[p];
      if (plan.floats !== null) numericFromFloats(plan.feature as NumericFeature, plan.floats, start, end, missing, plan.target);
      else encodeFeature(plan.feature, plan.column, start, end, missing, plan.put);
    }
  }
}

interface Target {
  readonly data: Float64Array;
  readonly cols: number;
  readonly first: number;
  readonly center: readonly number[];
  readonly scale: readonly number[];
}

/** `encodeFeature` for a numeric column held as doubles, without the per-cell callback and type checks. */
function numericFromFloats(feature: NumericFeature, column: Float64Array, start: number, end: number, missing: MissingPolicy, t: Target): void {
  const { data, cols, first } = t;
  const c0 = t.center[0];
  const s0 = t.scale[0];
  const impute = missing === 'impute';
  const fill = feature.fill;
  const c1 = feature.flagMissing ? t.center[1] : 0;
  const s1 = feature.flagMissing ? t.scale[1] : 1;
  for (let i = start, at = start * cols + first; i < end; i++, at += cols) {
    const v = column[i];
    const absent = v !== v;
    data[at] = ((absent && impute ? fill : v) - c0) / s0;
    if (feature.flagMissing) data[at + 1] = ((absent ? 1 : 0) - c1) / s1;
  }
}
