/**
 * What every reader gives ingestion: the file's columns and its records as raw text, each with
 * the line (or Parquet row) it came from. A record that cannot even be split into columns
 * (bad JSON, wrong number of CSV fields) arrives as a problem, so it is quarantined, not lost.
 */
import type { RawRecord } from '../record-validation.ts';
import type { RowProblem } from '../row-problem.ts';

export type FileFormat = 'csv' | 'jsonl' | 'parquet';

export type SourceRecord = { line: number; values: RawRecord } | { line: number; problem: RowProblem };

export interface TableSource {
  readonly file: string;
  readonly format: FileFormat;
  /**
   * Column names in file order. For JSON Lines the keys of the first object; a key first seen
   * later is appended while reading, so callers re-read it when its length changes.
   */
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
