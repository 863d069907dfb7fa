/**
 * Reading an overrides file, CSV or JSON (an array of objects) with the columns of `Override`. Every problem
 * is a one-line message naming the file, row (CSV line, or JSON position from 1) and column.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseJsonText } from '../data/json-file.ts';
import { UserError } from '../diagnostics/user-error.ts';
import { Override } from './overrides.ts';

export type OverridesParse = { ok: true; overrides: Override[] } | { ok: false; problems: string[] };

const COLUMNS = ['customer_id', 'points', 'tier', 'reason', 'author', 'expires'];

/** A CSV cell as the schema expects it; a blank required cell stays '' so the message says it is required. */
function csvValue(column: string, cell: string): string | number | null {
  if (cell.trim() === '') return column === 'points' || column === 'tier' ? null : '';
  if (column === 'points' && Number.isFinite(Number(cell))) return Number(cell);
  return cell;
}

function validate(records: readonly unknown[], file: string, rowLabel: (i: number) => string): OverridesParse {
  const problems: string[] = [];
  const overrides: Override[] = [];
  records.forEach((record, i) => {
    const parsed = Override.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path.length > 0 ? String(issue.path[0]) : '(row)';
        problems.push(`${file} ${rowLabel(i)}, column ${column}: ${issue.message}`);
      }
      return;
    }
    overrides.push(parsed.data);
  });
  // Two overrides of one customer with overlapping validity would make the result depend on order.
  const seen = new Map<string, number>();
  overrides.forEach((o, i) => {
    const first = seen.get(o.customer_id);
    if (first !== undefined) problems.push(`${file} ${rowLabel(i)}, column customer_id: customer ${o.customer_id} already has an override (${rowLabel(first)})`);
    else seen.set(o.customer_id, i);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, overrides };
}

export function parseOverridesCsv(text: string, file: string): OverridesParse {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (e) {
    return { ok: false, problems: [`${file}: not readable as CSV: ${(e as Error).message}`] };
  }
  if (rows.length === 0) return { ok: false, problems: [`${file}: empty file, expected the header ${COLUMNS.join(',')}`] };
  const header = rows[0].map((h) => h.trim());
  const unknown = header.filter((h) => !COLUMNS.includes(h));
  const absent = ['customer_id', 'reason', 'author', 'expires'].filter((c) => !header.includes(c));
  if (unknown.length > 0 || absent.length > 0) {
    const parts = [...(absent.length > 0 ? [`missing column ${absent.join(', ')}`] : []), ...(unknown.length > 0 ? [`unknown column ${unknown.join(', ')}`] : [])];
    return { ok: false, problems: [`${file} row 1: ${parts.join('; ')} (expected ${COLUMNS.join(',')})`] };
  }
  const records = rows.slice(1).map((cells) => Object.fromEntries(header.map((h, k) => [h, csvValue(h, cells[k])])));
  return validate(records, file, (i) => `row ${i + 2}`);
}

const OverrideRecords = z.array(z.unknown(), { error: 'expected a JSON array of overrides' });

export function parseOverridesJson(text: string, file: string): OverridesParse {
  let records: unknown[];
  try {
    records = parseJsonText(text, file, OverrideRecords);
  } catch (err) {
    if (err instanceof UserError) return { ok: false, problems: [err.message] };
    throw err;
  }
  return validate(records, file, (i) => `row ${i + 1}`);
}

/** Picks the format from the file name: `.json` is JSON, anything else CSV. */
export function parseOverrides(text: string, file: string): OverridesParse {
  return file.toLowerCase().endsWith('.json') ? parseOverridesJson(text, file) : parseOverridesCsv(text, file);
}
