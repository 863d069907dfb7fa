/**
 * One raw text record against the data contract: its typed row or its problems. Cross-row facts (known
 * customers, ids already seen) come in through the context, so the function stays pure.
 */
import { DAY_MS, type ColumnSpec, type TableSpec } from './contract.ts';
import { formatIsoDate, parseIsoDate } from './iso-date.ts';
import { displayValue, type ProblemReason, type RowProblem } from './row-problem.ts';

/** A row as read: column → text, null when the column is absent from this record. */
export type RawRecord = Readonly<Record<string, string | null>>;

/** A typed row: strings, epoch-ms dates and numbers by the contract; null for blanks. */
export type CleanRow = Record<string, string | number | null>;

export interface ValidationContext {
  /** Rows whose time column is after this instant (epoch ms) are rejected. */
  readonly asOf: number | null;
  /** Accepted customers' signup dates (epoch ms) by id; null when validating `customers`. */
  readonly signups: ReadonlyMap<string, number> | null;
  /** customer_ids already accepted, for the duplicate check on `customers`. */
  readonly seenIds: ReadonlySet<string> | null;
  /** Non-contract columns of this file, kept as strings. */
  readonly extraColumns: readonly string[];
}

export type ValidationResult = { ok: true; row: CleanRow } | { ok: false; problems: RowProblem[] };

/** Columns that close an interval the row's other date opens: the later must not precede the earlier. */
const INTERVALS: ReadonlyArray<readonly [start: string, end: string]> = [
  ['signup_date', 'churn_date'],
  ['opened_at', 'closed_at'],
  ['start_date', 'end_date'],
];

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * @example validateRecord(CONTRACT.surveys, { customer_id: 'c1', timestamp: '2024-01-02', nps: '11' }, ctx)
 * // => { ok: false, problems: [{ column: 'nps', value: '11', reason: 'out_of_range', ... }] }
 */
export function validateRecord(spec: TableSpec, record: RawRecord, context: ValidationContext): ValidationResult {
  const problems: RowProblem[] = [];
  const row: CleanRow = {};
  for (const column of spec.columns) {
    const parsed = parseCell(column, record[column.name] ?? null);
    if (typeof parsed === 'object' && parsed !== null) problems.push(parsed);
    else row[column.name] = parsed;
  }
  for (const name of context.extraColumns) {
    const text = record[name] ?? null;
    row[name] = text === null || text.trim() === '' ? null : text;
  }
  if (problems.length === 0) problems.push(...crossChecks(spec, record, row, context));
  return problems.length === 0 ? { ok: true, row } : { ok: false, problems };
}

function problem(column: string, value: string, reason: ProblemReason, detail: string): RowProblem {
  return { column, value: displayValue(value), reason, detail };
}

/** The typed value of one cell, or the problem with it. */
function parseCell(column: ColumnSpec, raw: string | null): string | number | null | RowProblem {
  const text = raw === null ? '' : raw.trim();
  if (text === '') {
    return column.required
      ? problem(column.name, raw ?? '', 'blank_required', `${column.name} is required but blank`)
      : null;
  }
  if (column.kind === 'string') {
    if (column.allowed !== undefined && !column.allowed.includes(text)) {
      return problem(column.name, text, 'not_allowed', `${column.name} must be one of ${column.allowed.join(', ')}`);
    }
    return text;
  }
  if (column.kind === 'date') {
    const ms = parseIsoDate(text);
    return ms === null
      ? problem(column.name, text, 'bad_date', `${column.name} is not a valid ISO 8601 date or date-time`)
      : ms;
  }
  return parseNumber(column, text);
}

function parseNumber(column: ColumnSpec, text: string): number | RowProblem {
  if (NON_FINITE.test(text)) return problem(column.name, text, 'non_finite_number', `${column.name} must be finite`);
  if (!DECIMAL.test(text)) return problem(column.name, text, 'bad_number', `${column.name} is not a number`);
  const value = Number(text);
  if (!Number.isFinite(value)) {
    return problem(column.name, text, 'non_finite_number', `${column.name} overflows a 64-bit float`);
  }
  if (column.integer === true && !Number.isInteger(value)) {
    return problem(column.name, text, 'not_integer', `${column.name} must be a whole number`);
  }
  if ((column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max)) {
    const range = `${column.min ?? '-inf'}..${column.max ?? 'inf'}`;
    return problem(column.name, text, 'out_of_range', `${column.name} must be within ${range}`);
  }
  return value;
}

/** Checks that need more than one cell, or other rows (through the context). */
function crossChecks(spec: TableSpec, record: RawRecord, row: CleanRow, context: ValidationContext): RowProblem[] {
  const problems: RowProblem[] = [];
  const raw = (column: string): string => (record[column] ?? '').trim();
  const id = row.customer_id as string;
  for (const [start, end] of INTERVALS) {
    const s = row[start];
    const e = row[end];
    if (typeof s === 'number' && typeof e === 'number' && e < s) {
      problems.push(problem(end, raw(end), 'end_before_start', `${end} is before ${start} (${raw(start)})`));
    }
  }
  const time = row[spec.timeColumn] as number;
  if (context.asOf !== null && time > context.asOf) {
    problems.push(
      problem(spec.timeColumn, raw(spec.timeColumn), 'after_as_of', `${spec.timeColumn} is after the as-of date ${formatIsoDate(context.asOf)}`),
    );
  }
  if (context.seenIds?.has(id) === true) {
    problems.push(problem('customer_id', id, 'duplicate_id', `customer_id ${id} appeared on an earlier accepted row`));
  }
  if (context.signups !== null) {
    const signup = context.signups.get(id);
    if (signup === undefined) {
      problems.push(problem('customer_id', id, 'unknown_customer', `customer_id ${id} is not an accepted customer`));
    } else if (Math.floor(time / DAY_MS) < Math.floor(signup / DAY_MS)) {
      // By UTC day: a signup date-time and an event date on the same day agree (either form is allowed).
      problems.push(
        problem(spec.timeColumn, raw(spec.timeColumn), 'before_signup', `${spec.timeColumn} is before the customer's signup (${formatIsoDate(signup)})`),
      );
    }
  }
  return problems;
}
