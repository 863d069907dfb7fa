/**
 * A feature file (Parquet or CSV) streamed by DuckDB in chunks for the batch job, which then runs in the
 * memory of one chunk. Every row is accounted for: scored, at another cutoff than the as-of date, or
 * rejected with its row number, column, value and reason. I/O module.
 */
import { extname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk } from '@duckdb/node-api';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';
import { spillToDisk, sqlIdent, sqlString } from '../data/duckdb-session.ts';
import { doubleVector, intVector, isValid, LabelCache, textAt, textVector, type DoubleVector } from '../data/duckdb-vectors.ts';
import { releaseNativeMemory } from '../runtime/native-release.ts';
import type { ModelInputs } from '../learn/model-inputs.ts';
import type { RawTable } from '../learn/preprocess/spec.ts';
import type { InputChunk, InputSource } from './input-chunks.ts';

export interface RejectedRow {
  readonly file: string;
  /** 1-based data row (the header of a CSV is not counted). */
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

export interface FeatureFileCounts {
  read: number;
  scored: number;
  /** Rows of other cutoffs than the as-of date (a multi-cutoff training file). */
  otherDates: number;
  rejected: number;
}

/**
 * Per categorical input, the labels the model expects (its training levels). DuckDB numbers each row's label
 * among them (an ENUM), so only other labels are decoded as text, which is slow for labels over 12 bytes
 * (docs/scoring-operations.md).
 */
export interface ReadHints {
  readonly labels?: ReadonlyMap<string, readonly string[]>;
}

/** Duplicated customers beyond this many mean the file is not one row per customer and date. */
const MAX_DUPLICATES = 100_000;

export interface FeatureFileSource extends InputSource {
  readonly counts: FeatureFileCounts;
  close(): void;
}

/**
 * Opens `path` and checks its columns against the model's inputs (a missing input is a model mismatch).
 * `onReject` hears every rejected row of the last full pass; `threads` defaults to DuckDB's (every core).
 */
export async function openFeatureFile(
  path: string,
  inputs: ModelInputs,
  asOfMs: number,
  onReject: (r: RejectedRow) => void,
  hints: ReadHints = {},
  threads?: number,
): Promise<FeatureFileSource> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.parquet' && ext !== '.csv') throw new UserError(`--features ${path}: expected a .parquet or .csv file`);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const close = (): void => {
    conn.closeSync();
    instance.closeSync();
  };
  try {
    await conn.run(`SET TimeZone = 'UTC'`);
    if (threads !== undefined) await conn.run(`SET threads = ${Math.floor(threads)}`);
    // DuckDB spills the duplicate check's hash table beyond this, so the peak stays flat as the file grows;
    // the CSV reader needs two 30 MB buffers of its own.
    await spillToDisk(conn, ext === '.parquet' ? '64MB' : '256MB');
    // CSV cells are read as text and parsed here, so a bad cell rejects its row instead of failing the file.
    const from = ext === '.parquet' ? `read_parquet(${sqlString(path)})` : `read_csv(${sqlString(path)}, header = true, all_varchar = true)`;
    let described: { column_name: string; column_type: string }[];
    try {
      described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS() as typeof described;
    } catch (error) {
      throw new UserError(`${path}: not readable as ${ext.slice(1)} (${firstLine(error)})`);
    }
    const types = new Map(described.map((d) => [d.column_name, d.column_type]));
    if (!types.has('customer_id')) throw new UserError(`${path}: no customer_id column`);
    const absent = inputs.features.filter((f) => !types.has(f));
    if (absent.length > 0) {
      throw new UserError(
        `${path}: the model's input(s) ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? `, … (${absent.length} in all)` : ''} are not columns of the file`,
        ExitCode.modelMismatch,
      );
    }
    const coded = codedLabels(inputs, hints);
    const query = featureQuery(from, inputs, types, coded);
    const dates = types.has('cutoff') ? `${cutoffMs(types)} = ${asOfMs}` : 'TRUE';
    const dupRows = (
      await conn.runAndReadAll(
        `SELECT CAST(customer_id AS VARCHAR) AS id FROM ${from} WHERE ${dates} AND customer_id IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1 LIMIT ${MAX_DUPLICATES + 1}`,
      )
    ).getColumnsJS()[0] as string[] | undefined;
    const duplicated = new Set(dupRows ?? []);
    if (duplicated.size > MAX_DUPLICATES) throw new UserError(`${path}: more than ${MAX_DUPLICATES} customers appear twice at the as-of date; expected one row per customer`);
    const atAsOf = await rowsAtAsOf(conn, from, dates, path, asOfMs, types.has('cutoff'));
    const counts: FeatureFileCounts = { read: 0, scored: 0, otherDates: 0, rejected: 0 };
    return {
      rows: atAsOf,
      counts,
      close,
      chunks: (chunkRows) => readChunks(conn, query, { path, inputs, coded, asOfMs, hasCutoff: types.has('cutoff'), duplicated, chunkRows, counts, onReject }),
    };
  } catch (error) {
    close();
    throw error;
  }
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0];
}

/** Rows dated at the as-of date (before any is rejected); none, in a file with cutoffs, is a user error. */
async function rowsAtAsOf(conn: DuckDBConnection, from: string, dates: string, path: string, asOfMs: number, hasCutoff: boolean): Promise<number> {
  const matching = Number((await conn.runAndReadAll(`SELECT COUNT(*) AS n FROM ${from} WHERE ${dates}`)).getRowObjectsJS()[0].n);
  if (matching > 0 || !hasCutoff) return matching;
  const present = (
    await conn.runAndReadAll(`SELECT DISTINCT CAST(CAST(TRY_CAST(cutoff AS TIMESTAMPTZ) AS DATE) AS VARCHAR) AS d FROM ${from} ORDER BY 1 DESC LIMIT 6`)
  ).getColumnsJS()[0] as (string | null)[];
  throw new UserError(
    `${path}: no rows with cutoff ${new Date(asOfMs).toISOString().slice(0, 10)} (the --as-of date); the file has cutoffs ${present.filter((d) => d !== null).join(', ') || '(none readable)'}`,
  );
}

/** Cutoff types whose epoch milliseconds DuckDB reads directly (the session's time zone is UTC). */
const TIMESTAMP_TYPES = new Set(['TIMESTAMP', 'TIMESTAMP WITH TIME ZONE']);
const typedCutoff = (types: ReadonlyMap<string, string>): boolean => TIMESTAMP_TYPES.has(types.get('cutoff') ?? '');

/** The cutoff as epoch ms (a DOUBLE, NULL when not a date); a typed timestamp skips the costly TIMESTAMPTZ cast. */
function cutoffMs(types: ReadonlyMap<string, string>): string {
  return typedCutoff(types) ? 'CAST(epoch_ms(cutoff) AS DOUBLE)' : 'CAST(epoch_ms(TRY_CAST(cutoff AS TIMESTAMPTZ)) AS DOUBLE)';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Per input column, the expected labels of a categorical input; else null. A list DuckDB could not take as an
 * ENUM as it is (a repeated label; U+0000, which ends the statement; a lone surrogate, which becomes U+FFFD)
 * is not used.
 */
function codedLabels(inputs: ModelInputs, hints: ReadHints): (readonly string[] | null)[] {
  const categorical = new Set(inputs.categorical);
  return inputs.features.map((f) => {
    const labels = categorical.has(f) ? hints.labels?.get(f) : undefined;
    if (labels === undefined || labels.length === 0 || new Set(labels).size !== labels.length) return null;
    return labels.every((l) => !l.includes('\0') && !LONE_SURROGATE.test(l)) ? labels : null;
  });
}

/**
 * One SELECT: id, cutoff (epoch ms), every input (numbers as DOUBLE, categories as text), the row's first
 * problem as (column, value), then per input with expected labels the label's position among them (or NULL).
 */
function featureQuery(from: string, inputs: ModelInputs, types: ReadonlyMap<string, string>, coded: readonly (readonly string[] | null)[]): string {
  const categorical = new Set(inputs.categorical);
  const problems: { column: string; test: string }[] = [{ column: 'customer_id', test: `customer_id IS NULL OR TRIM(CAST(customer_id AS VARCHAR)) = ''` }];
  // A typed timestamp cannot fail to be a date.
  if (types.has('cutoff') && !typedCutoff(types)) {
    problems.push({ column: 'cutoff', test: `cutoff IS NOT NULL AND TRY_CAST(cutoff AS TIMESTAMPTZ) IS NULL` });
  }
  const select = ['CAST(customer_id AS VARCHAR) AS customer_id', types.has('cutoff') ? `${cutoffMs(types)} AS cutoff` : 'NULL AS cutoff'];
  for (const f of inputs.features) {
    const c = sqlIdent(f);
    if (categorical.has(f)) {
      select.push(`CAST(${c} AS VARCHAR) AS ${c}`);
      continue;
    }
    select.push(`TRY_CAST(${c} AS DOUBLE) AS ${c}`);
    // Only text can fail to parse; a typed numeric column cannot.
    if (types.get(f) === 'VARCHAR') problems.push({ column: f, test: `${c} IS NOT NULL AND TRIM(${c}) <> '' AND TRY_CAST(${c} AS DOUBLE) IS NULL` });
  }
  const column = `CASE ${problems.map((p) => `WHEN ${p.test} THEN ${sqlString(p.column)}`).join(' ')} END AS _problem_column`;
  const value = `CASE ${problems.map((p) => `WHEN ${p.test} THEN CAST(${sqlIdent(p.column)} AS VARCHAR)`).join(' ')} END AS _problem_value`;
  const codes = inputs.features.flatMap((f, k) => {
    const labels = coded[k];
    if (labels === null) return [];
    // An ENUM's lookup costs the same for 5 labels or 3,000, where a CASE grows with every label.
    return [`CAST(enum_code(TRY_CAST(CAST(${sqlIdent(f)} AS VARCHAR) AS ENUM(${labels.map(sqlString).join(', ')}))) AS INTEGER)`];
  });
  return `SELECT ${[...select, column, value, ...codes].join(', ')} FROM ${from}`;
}

interface ReadContext {
  path: string;
  inputs: ModelInputs;
  /** `codedLabels`: the query numbers these inputs' labels. */
  coded: readonly (readonly string[] | null)[];
  asOfMs: number;
  hasCutoff: boolean;
  duplicated: ReadonlySet<string>;
  chunkRows: number;
  counts: FeatureFileCounts;
  onReject: (r: RejectedRow) => void;
}

/** DuckDB's vector size: the most rows one fetched chunk holds, so a chunk read may exceed the rows asked by this. */
export const DUCKDB_CHUNK = 2048;

/** DuckDB chunks fetched between two `releaseNativeMemory` calls: the fastest interval tried (docs/scoring-operations.md). */
const RELEASE_EVERY = 4;

const REASONS: Record<string, string> = { customer_id: 'customer_id is blank', cutoff: 'not a date' };

async function* readChunks(conn: DuckDBConnection, query: string, x: ReadContext): AsyncGenerator<InputChunk> {
  Object.assign(x.counts, { read: 0, scored: 0, otherDates: 0, rejected: 0 });
  const categorical = new Set(x.inputs.categorical);
  const features = x.inputs.features;
  const firstSeen = new Map<string, number>();
  // Query columns: customer_id, cutoff, inputs…, _problem_column, _problem_value, label codes….
  const problemAt = 2 + features.length;
  const buffer = newBuffer(features, categorical, x.chunkRows);
  const keep = new Int32Array(DUCKDB_CHUNK);
  const result = await conn.stream(query);
  // DuckDB decodes the next chunk on its own threads while this one is copied out. A failed fetch is
  // rethrown where it is awaited; until then it must not count as an unhandled rejection, which ends the process.
  const fetchNext = () => {
    const promise = result.fetchChunk();
    promise.catch(() => {});
    return promise;
  };
  let next = fetchNext();
  for (let fetched = 0; ; fetched++) {
    // Here the chunk before is unreachable, and the scavenge overlaps DuckDB decoding the next.
    if (fetched % RELEASE_EVERY === RELEASE_EVERY - 1) await releaseNativeMemory();
    const chunk = await next;
    if (chunk === null || chunk.rowCount === 0) break;
    next = fetchNext();
    if (chunk.rowCount > DUCKDB_CHUNK) throw new Error(`readChunks: DuckDB returned a chunk of ${chunk.rowCount} rows, more than ${DUCKDB_CHUNK}`);
    // Copied out at once and dropped: a chunk's memory is freed only when its wrapper is collected.
    buffer.size += copyChunk(chunk, x, problemAt, firstSeen, buffer, keep);
    if (buffer.size >= x.chunkRows) {
      x.counts.scored += buffer.size;
      yield toChunk(buffer, features);
      // The same buffer again: the chunk just yielded is done with once the next is asked for.
      buffer.size = 0;
    }
  }
  if (buffer.size > 0) {
    x.counts.scored += buffer.size;
    yield toChunk(buffer, features);
  }
}

/** Appends the rows of `chunk` to keep to the buffer (from `buffer.size` on); returns how many. */
function copyChunk(chunk: DuckDBDataChunk, x: ReadContext, problemAt: number, firstSeen: Map<string, number>, buffer: Buffer, keep: Int32Array): number {
  const n = chunk.rowCount;
  const ids = textVector(chunk, 0);
  // Without a cutoff column the query's cutoff is an untyped NULL, not to be read as doubles.
  const cutoffs = x.hasCutoff ? doubleVector(chunk, 1) : null;
  const problems = textVector(chunk, problemAt);
  // Which rows to keep, row by row; then each input column copied over the kept rows.
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const row = ++x.counts.read;
    if (isValid(problems.validity, i)) {
      const problem = textAt(problems, i) as string;
      const value = textAt(textVector(chunk, problemAt + 1), i);
      reject(x, { file: x.path, row, column: problem, value: value ?? '', reason: REASONS[problem] ?? 'not a number' });
      continue;
    }
    // A NULL cutoff (epoch ms) never equals the as-of date.
    if (cutoffs !== null && (!isValid(cutoffs.validity, i) || cutoffs.values[i] !== x.asOfMs)) {
      x.counts.otherDates++;
      continue;
    }
    const id = textAt(ids, i) as string;
    if (x.duplicated.size > 0 && x.duplicated.has(id)) {
      const first = firstSeen.get(id);
      if (first !== undefined) {
        reject(x, { file: x.path, row, column: 'customer_id', value: id, reason: `customer appears again at the as-of date (first at row ${first})` });
        continue;
      }
      firstSeen.set(id, row);
    }
    buffer.ids[buffer.size + kept] = id;
    keep[kept++] = i;
  }
  for (let f = 0, codeAt = problemAt + 2; f < buffer.columns.length; f++) {
    const target = buffer.columns[f];
    if (target instanceof Float64Array) {
      copyDoubles(doubleVector(chunk, 2 + f), keep, kept, n, target, buffer.size);
      continue;
    }
    const text = textVector(chunk, 2 + f);
    const labels = buffer.labels[f] as LabelCache;
    const expected = x.coded[f];
    if (expected === null) {
      for (let k = 0, at = buffer.size; k < kept; k++, at++) target[at] = labels.textAt(text, keep[k]);
      continue;
    }
    const codes = intVector(chunk, codeAt++);
    for (let k = 0, at = buffer.size; k < kept; k++, at++) {
      const i = keep[k];
      target[at] = isValid(codes.validity, i) ? expected[codes.values[i]] : labels.textAt(text, i);
    }
  }
  return kept;
}

/** The kept rows of a DOUBLE vector into `target` from `at`, NULL as NaN (the model's missing value). */
function copyDoubles(v: DoubleVector, keep: Int32Array, kept: number, n: number, target: Float64Array, at: number): void {
  const { values, validity } = v;
  // The common case, every row kept and none NULL, is one memcpy.
  if (kept === n && validity === null) {
    target.set(values, at);
    return;
  }
  for (let k = 0; k < kept; k++, at++) {
    const i = keep[k];
    target[at] = isValid(validity, i) ? values[i] : Number.NaN;
  }
}

function reject(x: ReadContext, r: RejectedRow): void {
  x.counts.rejected++;
  x.onReject(r);
}

interface Buffer {
  size: number;
  ids: string[];
  columns: (Float64Array | (string | null)[])[];
  /** Per categorical column, its decoded labels (null for numeric columns). */
  labels: (LabelCache | null)[];
}

/** Room for `rows` plus one DuckDB chunk: a chunk is yielded once it holds at least `rows`. */
function newBuffer(features: readonly string[], categorical: ReadonlySet<string>, rows: number): Buffer {
  const room = rows + DUCKDB_CHUNK;
  return {
    size: 0,
    ids: new Array<string>(room),
    columns: features.map((f) => (categorical.has(f) ? new Array<string | null>(room) : new Float64Array(room))),
    labels: features.map((f) => (categorical.has(f) ? new LabelCache() : null)),
  };
}

function toChunk(b: Buffer, features: readonly string[]): InputChunk {
  const raw: Record<string, ArrayLike<unknown>> = {};
  features.forEach((f, k) => {
    const c = b.columns[k];
    raw[f] = c instanceof Float64Array ? c.subarray(0, b.size) : c.slice(0, b.size);
  });
  return { customerId: b.ids.slice(0, b.size), raw: raw as RawTable };
}
