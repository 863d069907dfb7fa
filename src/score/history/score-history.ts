/**
 * The score history store: Parquet partitions by as-of date,
 *
 *   <dir>/as_of=YYYY-MM-DD/scores.parquet
 *
 * (Hive-style partition names, so DuckDB, Spark or Trino read the folder as one table.) Appending
 * an as-of date writes its partition into a temporary directory and renames it into place,
 * replacing any partition already there: a rerun of the same date replaces its rows rather than
 * duplicating them, and a killed job leaves the previous partition whole. Partitions rather than
 * one DuckDB file because each nightly write then touches one small file, old days are never
 * rewritten, and any engine can read them without DuckDB's file format.
 *
 * This is an I/O module: the alert rules and overrides work on the rows it returns.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDirectoryAtomically } from '../../data/atomic-output.ts';
import { sqlString, withDuckDb } from '../../data/duckdb-session.ts';
import { AsOfDate, HISTORY_COLUMNS, HISTORY_SQL_TYPES, HistoryRow } from './history-row.ts';

const PARTITION = /^as_of=(\d{4}-\d{2}-\d{2})$/;
const FILE = 'scores.parquet';

const TABLE_SQL = `CREATE TABLE history (
  customer_id VARCHAR NOT NULL, as_of VARCHAR NOT NULL, churn_probability DOUBLE NOT NULL,
  health_score INTEGER NOT NULL, tier VARCHAR NOT NULL, reasons VARCHAR NOT NULL, model_version VARCHAR NOT NULL,
  model_health_score INTEGER NOT NULL, model_tier VARCHAR NOT NULL,
  override VARCHAR, override_reason VARCHAR, override_author VARCHAR)`;

export function partitionPath(dir: string, asOf: string): string {
  return join(dir, `as_of=${asOf}`, FILE);
}

/**
 * Writes the rows of one as-of date as its partition, replacing the partition if it exists.
 * Throws on a row of another date or a duplicated customer (programming errors: the job writes
 * exactly one row per customer and date).
 */
export async function appendHistory(dir: string, asOf: string, rows: readonly HistoryRow[]): Promise<void> {
  AsOfDate.parse(asOf);
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (row.as_of !== asOf) throw new Error(`appendHistory: row ${i} is for ${row.as_of}, not ${asOf}`);
    if (seen.has(row.customer_id)) throw new Error(`appendHistory: customer ${row.customer_id} appears twice for ${asOf}`);
    seen.add(row.customer_id);
  }
  await mkdir(dir, { recursive: true });
  await writeDirectoryAtomically(join(dir, `as_of=${asOf}`), async (temporary) => {
    await mkdir(temporary);
    await withDuckDb(async (c) => {
      await c.run(TABLE_SQL);
      const appender = await c.createAppender('history');
      const text = (v: string | null): void => (v === null ? appender.appendNull() : appender.appendVarchar(v));
      for (const r of rows) {
        appender.appendVarchar(r.customer_id);
        appender.appendVarchar(r.as_of);
        appender.appendDouble(r.churn_probability);
        appender.appendInteger(r.health_score);
        appender.appendVarchar(r.tier);
        appender.appendVarchar(r.reasons);
        appender.appendVarchar(r.model_version);
        appender.appendInteger(r.model_health_score);
        appender.appendVarchar(r.model_tier);
        text(r.override);
        text(r.override_reason);
        text(r.override_author);
        appender.endRow();
      }
      appender.closeSync();
      await c.run(`COPY (SELECT * FROM history ORDER BY customer_id) TO ${sqlString(join(temporary, FILE))} (FORMAT parquet)`);
    });
  });
}

/**
 * A query over a scores file (CSV or Parquet with the history columns) giving each column its
 * history type: CSV cells are read with declared types (auto-detection would make ids like 1, 2
 * integers in one file and text in another), and an empty reasons cell, which CSV reads as NULL,
 * is the empty text of a job run without reasons.
 */
export function scoresFileSelect(scoresFile: string): string {
  const source = scoresFile.toLowerCase().endsWith('.parquet')
    ? `read_parquet(${sqlString(scoresFile)})`
    : `read_csv(${sqlString(scoresFile)}, header = true, columns = {${HISTORY_COLUMNS.map((c) => `${sqlString(c)}: ${sqlString(HISTORY_SQL_TYPES[c])}`).join(', ')}})`;
  const columns = HISTORY_COLUMNS.map((col) => (col === 'reasons' ? `COALESCE(reasons, '') AS reasons` : `CAST(${col} AS ${HISTORY_SQL_TYPES[col]}) AS ${col}`));
  return `SELECT ${columns.join(', ')} FROM ${source}`;
}

/**
 * Writes a scoring job's output file (CSV or Parquet with the history columns) as the partition of
 * `asOf`, replacing it if it exists. DuckDB copies file to file, so a partition of millions of
 * rows never passes through JavaScript memory. Throws, as `appendHistory` does, on a row of
 * another date or a duplicated customer.
 */
export async function appendHistoryFile(dir: string, asOf: string, scoresFile: string): Promise<void> {
  AsOfDate.parse(asOf);
  const rows = `(${scoresFileSelect(scoresFile)})`;
  await mkdir(dir, { recursive: true });
  await withDuckDb(async (c) => {
    const check = (await c.runAndReadAll(`SELECT COUNT(*) FILTER (WHERE as_of <> ${sqlString(asOf)}) AS other, COUNT(*) - COUNT(DISTINCT customer_id) AS twice FROM ${rows} s`)).getRowObjectsJS()[0];
    if (Number(check.other) > 0) throw new Error(`appendHistoryFile: ${scoresFile} has ${String(check.other)} row(s) not dated ${asOf}`);
    if (Number(check.twice) > 0) throw new Error(`appendHistoryFile: ${scoresFile} has ${String(check.twice)} duplicated customer row(s)`);
    await writeDirectoryAtomically(join(dir, `as_of=${asOf}`), async (temporary) => {
      await mkdir(temporary);
      await c.run(`COPY (SELECT * FROM ${rows} s ORDER BY customer_id) TO ${sqlString(join(temporary, FILE))} (FORMAT parquet)`);
    });
  });
}

/** The as-of dates present in the store, ascending. */
export async function historyDates(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  return entries.flatMap((e) => PARTITION.exec(e)?.[1] ?? []).sort();
}

export interface HistoryRange {
  /** First as-of date to read, inclusive. */
  readonly from?: string;
  /** Last as-of date to read, inclusive. */
  readonly to?: string;
}

/** Rows of the partitions within [from, to], ordered by as-of date then customer. */
export async function readHistory(dir: string, range: HistoryRange = {}): Promise<HistoryRow[]> {
  const dates = (await historyDates(dir)).filter((d) => (range.from === undefined || d >= range.from) && (range.to === undefined || d <= range.to));
  if (dates.length === 0) return [];
  const files = dates.map((d) => sqlString(partitionPath(dir, d))).join(', ');
  return withDuckDb(async (c) => {
    const reader = await c.runAndReadAll(`SELECT ${HISTORY_COLUMNS.join(', ')} FROM read_parquet([${files}], hive_partitioning = false) ORDER BY as_of, customer_id`);
    return reader.getRowObjectsJS().map((r) => HistoryRow.parse(r));
  });
}
