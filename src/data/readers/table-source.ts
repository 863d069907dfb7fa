/**
 * What every reader gives ingestion: the columns and the records as raw text, each with its line. A
 * record that cannot be split into columns arrives as a problem, so it is quarantined, not lost.
 */
import type { RawRecord } from '../record-validation.ts';
import type { RowProblem } from '../row-problem.ts';

export type FileFormat = 'csv' | 'jsonl' | 'parquet';

export type SourceRecord = { line: number; values: RawRecord } | { line: number; problem: RowProblem };

export interface TableSource {
  readonly file: string;
  readonly format: FileFormat;
  /** In file order; JSON Lines appends a key first seen later, so callers re-read it when its length changes. */
  readonly columns: string[];
  readonly records: AsyncIterable<SourceRecord>;
}

/** The format a data file's name declares, or null when it is none we read. */
export function formatOfFile(name: string): FileFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.parquet')) return 'parquet';
  return null;
}
