/**
 * CSV reader (RFC 4180 via csv-parse, streamed): records keyed by the header, with their line numbers.
 * A wrong field count is a row problem; a quoting error that leaves the rest unparseable a UserError.
 */
import { pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { UserError } from '../../diagnostics/user-error.ts';
import { displayValue } from '../row-problem.ts';
import { checkHeader } from './header-check.ts';
import type { SourceRecord, TableSource } from './table-source.ts';
import { countNewlines, utf8Text } from './utf8-text.ts';

type ParsedCsvRecord = string[];

export async function openCsv(path: string): Promise<TableSource> {
  // pipeline (not pipe) so that a decoding error reaches the parser's consumer instead of stalling it.
  const parser = pipeline(utf8Text(path), parse({ relax_column_count: true }), () => {});
  const iterator = (parser as AsyncIterable<ParsedCsvRecord>)[Symbol.asyncIterator]();
  const first = await nextRecord(path, iterator);
  if (first === null) throw new UserError(`${path}: file is empty (no header row)`);
  const columns = checkHeader(path, first.map((name) => name.trim()));
  return { file: path, format: 'csv', columns, records: csvRecords(path, columns, 1 + newlinesIn(first), iterator) };
}

async function nextRecord(path: string, iterator: AsyncIterator<ParsedCsvRecord>): Promise<ParsedCsvRecord | null> {
  try {
    const next = await iterator.next();
    return next.done === true ? null : next.value;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new UserError(`${path}: malformed CSV${line === undefined ? '' : ` at line ${line}`}: ${err.message.split('\n')[0]}`);
    }
    throw err;
  }
}

/** Line breaks inside quoted fields, so that line numbers stay those of the file. */
const newlinesIn = (record: readonly string[]): number => record.reduce((n, field) => n + countNewlines(field), 0);

async function* csvRecords(
  path: string,
  columns: readonly string[],
  headerLines: number,
  iterator: AsyncIterator<ParsedCsvRecord>,
): AsyncGenerator<SourceRecord> {
  // Counted here: csv-parse's `info` option costs more than the parsing itself (docs/ingest.md).
  let lastLine = headerLines;
  for (let record = await nextRecord(path, iterator); record !== null; record = await nextRecord(path, iterator)) {
    const line = lastLine + 1;
    lastLine = line + newlinesIn(record);
    // A blank line parses as one empty field: it holds no row, so it is skipped (but counted).
    if (record.length === 1 && record[0] === '') continue;
    if (record.length !== columns.length) {
      yield {
        line,
        problem: {
          column: '',
          value: displayValue(record.join(',')),
          reason: 'wrong_field_count',
          detail: `row has ${record.length} fields, the header has ${columns.length}`,
        },
      };
      continue;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i]] = record[i];
    yield { line, values };
  }
}
