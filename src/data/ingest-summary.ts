/**
 * The ingest summary (`OUT/ingest-summary.json`): per table, what was read and what became of it.
 * read = accepted + rejected for every table, so a reader can check that no row was lost.
 */
import { z } from 'zod';
import { ProblemReason } from './row-problem.ts';

export const SourceFormat = z.enum(['csv', 'jsonl', 'parquet', 'cdnow', 'derived']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const TableSummary = z
  .object({
    /** A contract table name, or `tabular` in tabular mode. */
    table: z.string(),
    /** As given (for a derived table, the file it was derived from). */
    file: z.string(),
    format: SourceFormat,
    read: z.number().int().nonnegative(),
    accepted: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    /** Problems by reason code; a row with two problems counts under both. */
    reasons: z.partialRecord(ProblemReason, z.number().int().positive()),
    /** Non-contract columns kept (as strings) in the clean table. */
    extra_columns: z.array(z.string()),
  })
  .refine((t) => t.read === t.accepted + t.rejected, { message: 'read must equal accepted + rejected' });
export type TableSummary = z.infer<typeof TableSummary>;

/** A table's summary, its rows `rejected` being those read and not accepted (keys in the file's order). */
export function tableSummary(s: Omit<TableSummary, 'rejected'>): TableSummary {
  const { table, file, format, read, accepted, reasons, extra_columns } = s;
  return { table, file, format, read, accepted, rejected: read - accepted, reasons, extra_columns };
}

export const IngestSummary = z.object({
  mode: z.enum(['folder', 'tabular', 'adapter']),
  /** The data folder, tabular file or adapter input. */
  source: z.string(),
  /** Rows dated after this instant were rejected; null when no as-of date was given. */
  as_of: z.iso.datetime().nullable(),
  tables: z.array(TableSummary),
});
export type IngestSummary = z.infer<typeof IngestSummary>;

/**
 * The summary as a fixed-width text table, one line per table, for the terminal.
 * @example formatIngestSummary(summary)
 * // table      file                 format  read accepted rejected  top reasons
 * // customers  data/customers.csv   csv        3        2        1  duplicate_id 1
 */
export function formatIngestSummary(summary: IngestSummary): string {
  const header = ['table', 'file', 'format', 'read', 'accepted', 'rejected', 'reasons'];
  const rows = summary.tables.map((t) => [
    t.table,
    t.file,
    t.format,
    String(t.read),
    String(t.accepted),
    String(t.rejected),
    Object.entries(t.reasons)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = new Set([3, 4, 5]);
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const extras = summary.tables
    .filter((t) => t.extra_columns.length > 0)
    .map((t) => `extra columns kept in ${t.table}: ${t.extra_columns.join(', ')}`);
  const asOf = summary.as_of === null ? [] : [`as of ${summary.as_of}: later rows rejected`];
  return [line(header), ...rows.map(line), ...extras, ...asOf].join('\n');
}
