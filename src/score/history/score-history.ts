/**
 * The score history store: one Parquet partition per as-of date, `<dir>/as_of=YYYY-MM-DD/scores.parquet`
 * (Hive-style, so DuckDB, Spark or Trino read the folder as one table, and a nightly write touches one small
 * file). A partition is written to a temporary directory and renamed into place: a rerun of a date replaces
 * its rows, and a killed job leaves the previous partition whole. I/O module.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDirectoryAtomically } from '../../data/atomic-output.ts';
import { sqlString, withDuckDb } from '../../data/duckdb-session.ts';
import { AsOfDate, HISTORY_COLUMNS, HISTORY_SQL_TYPES, HistoryRow } from './history-row.ts';

const PARTITION = /^as_of=(\d{4}-\d{2}-\d{2})$/;
const FILE = 'scores.parquet';

const TABLE_SQL = `CREATE TABLE history (${HISTORY_COLUMNS.map(
  (c) => `${c} ${HISTORY_SQL_TYPES[c]}${HistoryRow.shape[c].safeParse(null).success ? '' : ' NOT NULL'}`,
).join(', ')})`;

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
      for (const r of rows) {
        for (const c of HISTORY_COLUMNS) {
          const v = r[c];
          if (v === null) appender.appendNull();
          else if (typeof v === 'string') appender.appendVarchar(v);
          else if (HISTORY_SQL_TYPES[c] === 'DOUBLE') appender.appendDouble(v);
          else appender.appendInteger(v);
        }
        appender.endRow();
      }
      appender.closeSync();
      await c.run(`COPY (SELECT * FROM history ORDER BY customer_id) TO ${sqlString(join(temporary, FILE))} (FORMAT parquet)`);
    });
  });
}

/**
 * A query over a scores file (CSV or Parquet) giving each column its history type: CSV cells get declared
 * types (auto-detection would read ids 1, 2 as integers), and an empty reasons cell (NULL in CSV) is ''.
 */
export function scoresFileSelect(scoresFile: string): string {
  const source = scoresFile.toLowerCase().endsWith('.parquet')
    ? `read_parquet(${sqlString(scoresFile)})`
    : `read_csv(${sqlString(scoresFile)}, header = true, columns = {${HISTORY_COLUMNS.map((c) => `${sqlString(c)}: ${sqlString(HISTORY_SQL_TYPES[c])}`).join(', ')}})`;
  const columns = HISTORY_COLUMNS.map((col) => (col === 'reasons' ? `COALESCE(reasons, '') AS reasons` : `CAST(${col} AS ${HISTORY_SQL_TYPES[col]}) AS ${col}`));
  return `SELECT ${columns.join(', ')} FROM ${source}`;
}

/**
 * Writes a scoring job's output file (CSV or Parquet) as the partition of `asOf`, copied file to file by
 * DuckDB so the rows never pass through JavaScript. Throws as `appendHistory` does.
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

/** The as-of dates to read, both ends inclusive. */
export interface HistoryRange {
  readonly from?: string;
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
