/**
 * Which columns of a feature table a model reads (never keys or the label): one definition for
 * training, batch scoring and the one-customer scorer, so they cannot drift.
 */
import type { ColumnTable } from 'arquero';
import { columnValues } from '../data/column-values.ts';
import type { FeatureDictionary } from '../features/dictionary.ts';
import { RFM_COLUMNS, RFM_SEGMENT } from '../features/plan.ts';
import type { RawColumn, RawTable } from './preprocess/spec.ts';

export const KEY_COLUMNS = ['customer_id', 'cutoff', 'label'] as const;

/**
 * RFM quintile scores rank a customer within the population, so the one-customer scorer could not
 * reproduce them: not model inputs (the model sees raw recency, frequency and monetary features).
 */
export const POPULATION_RELATIVE = new Set<string>([...RFM_COLUMNS, RFM_SEGMENT]);

export interface ModelInputs {
  /** Source feature names in dictionary order. */
  features: string[];
  categorical: string[];
}

export function modelInputs(dictionary: FeatureDictionary): ModelInputs {
  const keys = new Set<string>(KEY_COLUMNS);
  const entries = dictionary.filter((e) => !keys.has(e.name) && !POPULATION_RELATIVE.has(e.name));
  return {
    features: entries.map((e) => e.name),
    categorical: entries.filter((e) => e.kind === 'categorical').map((e) => e.name),
  };
}

/** The named input columns of `table`; a missing column is a problem message, not an exception. */
export function rawInputs(table: ColumnTable, inputs: ModelInputs): { raw: RawTable } | { problem: string } {
  const present = new Set(table.columnNames());
  const missing = inputs.features.filter((f) => !present.has(f));
  if (missing.length > 0) {
    return { problem: `the feature table lacks ${missing.length} model input(s): ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}` };
  }
  const raw: Record<string, RawColumn> = {};
  for (const f of inputs.features) raw[f] = columnValues(table, f) as RawColumn;
  return { raw };
}

/** The 0/1 label column as bytes; null labels are a problem (censored rows must be filtered first). */
export function labelsOf(table: ColumnTable): { labels: Uint8Array } | { problem: string } {
  const column = table.array('label') as ArrayLike<number | null>;
  const labels = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== 0 && v !== 1) return { problem: `row ${i + 1} has label ${String(v)}, expected 0 or 1` };
    labels[i] = v;
  }
  return { labels };
}
