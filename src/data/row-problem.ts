/**
 * What can be wrong with one input row. A rejected row goes to `OUT/quarantine/<table>.csv` once per
 * problem, located by file, line, column and value, so a user can fix the source and ingest again.
 */
import { z } from 'zod';

/** Stable reason codes: the summary counts them, tests and tools can match on them. */
export const ProblemReason = z.enum([
  'blank_required',
  'bad_date',
  'bad_number',
  'non_finite_number',
  'not_integer',
  'out_of_range',
  'not_allowed',
  'duplicate_id',
  'unknown_customer',
  'end_before_start',
  'before_signup',
  'after_as_of',
  'wrong_field_count',
  'bad_json',
  'bad_label',
]);
export type ProblemReason = z.infer<typeof ProblemReason>;

export const RowProblem = z.object({
  /** Column at fault; empty when the whole row is unreadable (bad JSON, wrong field count). */
  column: z.string(),
  /** The offending value as text (truncated for display when very long). */
  value: z.string(),
  reason: ProblemReason,
  /** One sentence a user can act on. */
  detail: z.string(),
});
export type RowProblem = z.infer<typeof RowProblem>;

/** A row problem located in its file: one line of a quarantine file. */
export const QuarantineEntry = RowProblem.extend({
  file: z.string(),
  /** 1-based line in a text file (header = line 1), or 1-based row number in a Parquet file. */
  line: z.number().int().positive(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

const MAX_VALUE_CHARS = 200;

/** Keeps a quarantine line readable when a value is huge (a whole mangled JSON line, say). */
export function displayValue(value: string): string {
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}
