/**
 * The logistic margin straight from raw input columns, without the design matrix (costlier to fill
 * than the margin, docs/scoring-operations.md). Bit-identical to `transform` then linear-margin.ts:
 * each cell is ((v − center) / scale) · β_j, added into the same accumulator in the same column order.
 */
import { hotPosition } from '../preprocess/encode-feature.ts';
import { featureSpans } from '../preprocess/feature-spans.ts';
import { categoryCell, numericCell } from '../preprocess/raw-value.ts';
import type { CategoricalFeature, NumericFeature, PreprocessorSpec, RawTable } from '../preprocess/spec.ts';
import { tableRows } from '../preprocess/table-rows.ts';

/** One matrix column's share of the margin: which accumulator it joins and its term per value. */
interface Term {
  readonly acc: number;
  readonly center: number;
  readonly scale: number;
  readonly beta: number;
}

type Step =
  | { readonly kind: 'numeric'; readonly feature: NumericFeature; readonly value: Term; readonly flag: Term | null }
  | { readonly kind: 'categorical'; readonly feature: CategoricalFeature; readonly terms: readonly Term[] };

export class RawLinearMargin {
  private readonly steps: Step[];
  private readonly names: string[];
  private acc: Float64Array[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  private hot = new Int32Array(0);

  constructor(
    private readonly spec: PreprocessorSpec,
    beta: Float64Array,
    private readonly intercept: number,
  ) {
    const p = spec.columns.length;
    if (beta.length !== p) throw new Error(`RawLinearMargin: ${beta.length} coefficients for ${p} columns`);
    // As linear-margin.ts: column j into accumulator j mod 4, the tail past the last multiple of 4 into the first.
    const full = p - (p % 4);
    const term = (j: number): Term => ({ acc: j < full ? j % 4 : 0, center: spec.columns[j].center, scale: spec.columns[j].scale, beta: beta[j] });
    const spans = featureSpans(spec, 'RawLinearMargin');
    this.steps = spec.features.map((feature, f) => {
      const { first, width } = spans[f];
      if (feature.type === 'numeric') return { kind: 'numeric', feature, value: term(first), flag: feature.flagMissing ? term(first + 1) : null };
      return { kind: 'categorical', feature, terms: Array.from({ length: width }, (_, k) => term(first + k)) };
    });
    this.names = spec.features.map((f) => f.name);
  }

  /** The margins of the table's rows, into `into` when it is large enough (else a new array). */
  margin(raw: RawTable, into?: Float64Array): Float64Array {
    const rows = tableRows(raw, this.names);
    const out = into !== undefined && into.length >= rows ? into.subarray(0, rows) : new Float64Array(rows);
    if (this.acc[0].length < rows) {
      this.acc = this.acc.map(() => new Float64Array(rows));
      this.hot = new Int32Array(rows);
    }
    for (const a of this.acc) a.fill(0, 0, rows);
    const impute = this.spec.missing === 'impute';
    for (const step of this.steps) {
      const column = raw[step.feature.name];
      if (step.kind === 'numeric') {
        const values = column instanceof Float64Array ? column : Float64Array.from({ length: rows }, (_, i) => numericCell(column, i, step.feature.name));
        addValues(this.acc[step.value.acc], values, rows, step.value, impute, step.feature.fill);
        if (step.flag !== null) {
          // The missing flag as a two-level column whose level 0 is "absent".
          for (let i = 0; i < rows; i++) this.hot[i] = values[i] === values[i] ? 1 : 0;
          addLevel(this.acc[step.flag.acc], this.hot, 0, rows, step.flag);
        }
        continue;
      }
      hotLevels(step.feature, column, rows, this.hot);
      step.terms.forEach((t, k) => addLevel(this.acc[t.acc], this.hot, k, rows, t));
    }
    const [s0, s1, s2, s3] = this.acc;
    const b = this.intercept;
    for (let i = 0; i < rows; i++) out[i] = b + (s0[i] + s1[i] + (s2[i] + s3[i]));
    return out;
  }
}

/**
 * A numeric column's terms ((v − center) / scale) · β, the imputed one computed once. if/else on
 * purpose: a conditional expression inside the arithmetic ran about twice as slow.
 */
function addValues(acc: Float64Array, values: Float64Array, rows: number, t: Term, impute: boolean, fill: number): void {
  const { center, scale, beta } = t;
  if (!impute) {
    for (let i = 0; i < rows; i++) acc[i] += ((values[i] - center) / scale) * beta;
    return;
  }
  const imputed = ((fill - center) / scale) * beta;
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (v === v) acc[i] += ((v - center) / scale) * beta;
    else acc[i] += imputed;
  }
}

/** One level's column of a one-hot feature: one of two terms per row. */
function addLevel(acc: Float64Array, hot: Int32Array, k: number, rows: number, t: Term): void {
  const on = ((1 - t.center) / t.scale) * t.beta;
  const off = ((0 - t.center) / t.scale) * t.beta;
  for (let i = 0; i < rows; i++) {
    if (hot[i] === k) acc[i] += on;
    else acc[i] += off;
  }
}

/** Each row's hot column within the feature, as `encodeFeature` chooses it. */
function hotLevels(feature: CategoricalFeature, column: ArrayLike<unknown>, rows: number, hot: Int32Array): void {
  const { of } = hotPosition(feature);
  for (let i = 0; i < rows; i++) hot[i] = of(categoryCell(column, i));
}
