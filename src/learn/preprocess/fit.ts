/**
 * Fits the preprocessing on the training rows only: imputation means, category levels, missing flags
 * and standardisation statistics.
 *
 * @example
 * fitPreprocessor({ tenure: [1, 3, null], plan: ['a', 'b', 'a'] }, { features: ['tenure', 'plan'], categorical: ['plan'] })
 * // columns: tenure (center 2, scale 0.8165), tenure:missing, plan=a, plan=b, plan=(unseen)
 */
import { encodeFeature, encodedNames } from './encode-feature.ts';
import { categoryCell, numericCell } from './raw-value.ts';
import type { EncodedColumn, PreprocessorSpec, RawTable, SourceFeature } from './spec.ts';
import { MISSING_LEVEL, PreprocessOptions } from './spec.ts';
import { tableRows } from './table-rows.ts';

export function fitPreprocessor(table: RawTable, options: PreprocessOptions): PreprocessorSpec {
  const opts = PreprocessOptions.parse(options);
  const categorical = new Set(opts.categorical);
  for (const name of categorical) {
    if (!opts.features.includes(name)) throw new Error(`fitPreprocessor: categorical "${name}" is not among the features`);
  }
  const rows = tableRows(table, opts.features);
  const features = opts.features.map((name) =>
    categorical.has(name) ? fitCategorical(name, table[name], rows) : fitNumeric(name, table[name], rows),
  );
  const columns: EncodedColumn[] = [];
  features.forEach((feature, f) => {
    const names = encodedNames(feature);
    const values = names.map(() => new Float64Array(rows));
    encodeFeature(feature, table[feature.name], 0, rows, opts.missing, (i, k, v) => {
      values[k][i] = v;
    });
    names.forEach((name, k) => {
      const { center, scale } = opts.standardize ? standardization(values[k]) : { center: 0, scale: 1 };
      columns.push({ name, feature: f, ...columnRole(feature, k), center, scale });
    });
  });
  return { formatVersion: 1, standardize: opts.standardize, missing: opts.missing, trainingRows: rows, features, columns };
}

function fitNumeric(name: string, column: ArrayLike<unknown>, rows: number): SourceFeature {
  let sum = 0;
  let observed = 0;
  for (let i = 0; i < rows; i++) {
    const v = numericCell(column, i, name);
    if (!Number.isNaN(v)) {
      sum += v;
      observed++;
    }
  }
  return { name, type: 'numeric', fill: observed === 0 ? 0 : sum / observed, flagMissing: observed < rows };
}

function fitCategorical(name: string, column: ArrayLike<unknown>, rows: number): SourceFeature {
  const levels = new Set<string>();
  let blanks = 0;
  for (let i = 0; i < rows; i++) {
    const label = categoryCell(column, i);
    if (label === null) blanks++;
    else levels.add(label);
  }
  // Code-unit order, as numpy sorts the string categories of OneHotEncoder.
  const sorted = [...levels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { name, type: 'categorical', levels: sorted, flagMissing: blanks > 0 };
}

function columnRole(feature: SourceFeature, k: number): Pick<EncodedColumn, 'role' | 'level'> {
  if (feature.type === 'numeric') return { role: k === 0 ? 'value' : 'missing' };
  if (k < feature.levels.length) return { role: 'level', level: feature.levels[k] };
  if (feature.flagMissing && k === feature.levels.length) return { role: 'level', level: MISSING_LEVEL };
  return { role: 'unseen' };
}

/**
 * Mean and population standard deviation of the non-NaN values, two-pass. A constant column gets
 * scale 1 by scikit-learn's `_is_constant_feature` (var ≤ n·ε·var + (n·mean·ε)²), so it maps to 0.
 */
export function standardization(values: Float64Array): { center: number; scale: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      sum += values[i];
      n++;
    }
  }
  if (n === 0) return { center: 0, scale: 1 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) ss += (values[i] - mean) ** 2;
  }
  const variance = ss / n;
  const eps = Number.EPSILON;
  const constant = variance <= n * eps * variance + (n * mean * eps) ** 2;
  return { center: mean, scale: constant ? 1 : Math.sqrt(variance) };
}
