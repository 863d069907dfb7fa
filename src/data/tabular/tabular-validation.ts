/**
 * One row of a tabular file against its config: a present, unique id, a configured label, numbers for
 * numeric features. A blank one is missing (null), not an error: exports leave "not applicable" cells
 * empty (Telco's TotalCharges in a customer's first month).
 */
import type { RawRecord } from '../record-validation.ts';
import { displayValue, type RowProblem } from '../row-problem.ts';
import type { TabularConfig } from './tabular-config.ts';

export interface TabularColumns {
  numeric: readonly string[];
  categorical: readonly string[];
}

/** customer_id, label (0/1), then the features: numbers (null = missing) or strings. */
export type TabularRow = Record<string, string | number | null>;

export type TabularResult = { ok: true; row: TabularRow } | { ok: false; problems: RowProblem[] };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function validateTabularRecord(
  config: TabularConfig,
  columns: TabularColumns,
  record: RawRecord,
  seenIds: ReadonlySet<string>,
): TabularResult {
  const problems: RowProblem[] = [];
  const id = (record[config.idColumn] ?? '').trim();
  if (id === '') {
    problems.push({ column: config.idColumn, value: '', reason: 'blank_required', detail: `${config.idColumn} is required but blank` });
  } else if (seenIds.has(id)) {
    problems.push({ column: config.idColumn, value: id, reason: 'duplicate_id', detail: `${config.idColumn} ${id} appeared on an earlier accepted row` });
  }
  const labelText = (record[config.labelColumn] ?? '').trim();
  const label = labelText === config.positiveLabel ? 1 : config.negativeLabel === undefined || labelText === config.negativeLabel ? 0 : null;
  if (labelText === '' || label === null) {
    const expected = config.negativeLabel === undefined ? `non-blank` : `${config.positiveLabel} or ${config.negativeLabel}`;
    problems.push({ column: config.labelColumn, value: labelText, reason: 'bad_label', detail: `${config.labelColumn} must be ${expected}` });
  }
  const row: TabularRow = { customer_id: id, label };
  for (const name of columns.numeric) {
    const text = (record[name] ?? '').trim();
    if (text === '') {
      row[name] = null;
    } else if (!DECIMAL.test(text)) {
      problems.push({ column: name, value: displayValue(text), reason: 'bad_number', detail: `${name} is not a number` });
    } else if (!Number.isFinite(Number(text))) {
      problems.push({ column: name, value: text, reason: 'non_finite_number', detail: `${name} must be finite` });
    } else {
      row[name] = Number(text);
    }
  }
  for (const name of columns.categorical) {
    const text = (record[name] ?? '').trim();
    row[name] = text === '' ? null : text;
  }
  return problems.length === 0 ? { ok: true, row } : { ok: false, problems };
}
