/**
 * JSON Lines reader (https://jsonlines.org), streamed: each non-blank line one JSON object whose scalars
 * become text (so `7` and `"7"` validate alike), nested values their JSON text, `null` a blank. The
 * first object's keys are the columns; a key first seen later is added.
 */
import { createInterface } from 'node:readline';
import { UserError } from '../../diagnostics/user-error.ts';
import { displayValue } from '../row-problem.ts';
import { checkHeader } from './header-check.ts';
import type { SourceRecord, TableSource } from './table-source.ts';
import { utf8Text } from './utf8-text.ts';

type Parsed = { values: Record<string, string | null> } | { error: string };

function parseLine(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const values: Record<string, string | null> = {};
  for (const [key, v] of Object.entries(value)) {
    values[key] = v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return { values };
}

/** The file's non-blank lines, each as a record or a problem. */
async function* parsedLines(path: string): AsyncGenerator<SourceRecord> {
  let line = 0;
  for await (const text of createInterface({ input: utf8Text(path), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const parsed = parseLine(text);
    yield 'error' in parsed ? badLine(line, text, parsed.error) : { line, values: parsed.values };
  }
}

export async function openJsonl(path: string): Promise<TableSource> {
  const lines = parsedLines(path);
  // Broken lines before the first object are replayed as problems after the header is known.
  const before: SourceRecord[] = [];
  let first = await lines.next();
  for (; first.done !== true && 'problem' in first.value; first = await lines.next()) before.push(first.value);
  if (first.done === true) {
    throw new UserError(
      before.length === 0 ? `${path}: file is empty` : `${path}: no line is a JSON object (line ${before[0].line} is the first bad one)`,
    );
  }
  const start = first.value;
  const columns = checkHeader(path, 'values' in start ? Object.keys(start.values) : []);
  const known = new Set(columns);
  async function* records(): AsyncGenerator<SourceRecord> {
    for (const record of before) yield record;
    yield start;
    for await (const record of lines) {
      for (const key of 'values' in record ? Object.keys(record.values) : []) {
        if (!known.has(key)) {
          known.add(key);
          columns.push(key);
        }
      }
      yield record;
    }
  }
  return { file: path, format: 'jsonl', columns, records: records() };
}

function badLine(line: number, text: string, error: string): SourceRecord {
  return { line, problem: { column: '', value: displayValue(text), reason: 'bad_json', detail: `line is ${error}` } };
}
