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

export async function openJsonl(path: string): Promise<TableSource> {
  const lines = createInterface({ input: utf8Text(path), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNo = 0;
  // Lines before the first object (blank or broken) are replayed as problems after the header is known.
  const before: SourceRecord[] = [];
  let first: { line: number; values: Record<string, string | null> } | null = null;
  while (first === null) {
    const next = await lines.next();
    if (next.done === true) break;
    lineNo++;
    if (next.value.trim() === '') continue;
    const parsed = parseLine(next.value);
    if ('error' in parsed) before.push(badLine(lineNo, next.value, parsed.error));
    else first = { line: lineNo, values: parsed.values };
  }
  if (first === null) {
    throw new UserError(
      before.length === 0 ? `${path}: file is empty` : `${path}: no line is a JSON object (line ${before[0].line} is the first bad one)`,
    );
  }
  const columns = checkHeader(path, Object.keys(first.values));
  const known = new Set(columns);
  const start = first;
  async function* records(): AsyncGenerator<SourceRecord> {
    for (const record of before) yield record;
    yield start;
    for (let next = await lines.next(); next.done !== true; next = await lines.next()) {
      lineNo++;
      if (next.value.trim() === '') continue;
      const parsed = parseLine(next.value);
      if ('error' in parsed) {
        yield badLine(lineNo, next.value, parsed.error);
        continue;
      }
      for (const key of Object.keys(parsed.values)) {
        if (!known.has(key)) {
          known.add(key);
          columns.push(key);
        }
      }
      yield { line: lineNo, values: parsed.values };
    }
  }
  return { file: path, format: 'jsonl', columns, records: records() };
}

function badLine(line: number, text: string, error: string): SourceRecord {
  return { line, problem: { column: '', value: displayValue(text), reason: 'bad_json', detail: `line is ${error}` } };
}
