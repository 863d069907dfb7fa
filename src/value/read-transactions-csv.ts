/**
 * I/O edge of the value stage: a transactions CSV (`customer_id`, ISO 8601 `timestamp`, `amount`; other columns
 * ignored) read into typed arrays. Problems come back as values naming file, row and column.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseIsoDate } from '../data/iso-date.ts';

export interface TransactionLog {
  customerIds: string[];
  customer: Int32Array;
  timestampMs: Float64Array;
  amount: Float64Array;
}

const REQUIRED = ['customer_id', 'timestamp', 'amount'] as const;

export function readTransactionsCsv(path: string): { log: TransactionLog } | { problem: string } {
  let rows: string[][];
  try {
    rows = parse(readFileSync(path, 'utf8'), { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    return { problem: `${path}: cannot read as CSV (${err instanceof Error ? err.message : String(err)})` };
  }
  if (rows.length === 0) return { problem: `${path}: the file is empty (expected a header ${REQUIRED.join(',')})` };
  const header = rows[0].map((h) => h.trim());
  const col: Record<(typeof REQUIRED)[number], number> = { customer_id: -1, timestamp: -1, amount: -1 };
  for (const name of REQUIRED) {
    col[name] = header.indexOf(name);
    if (col[name] < 0) return { problem: `${path}: no column "${name}" in the header (found ${header.join(', ')})` };
  }
  const n = rows.length - 1;
  const ids = new Map<string, number>();
  const customer = new Int32Array(n);
  const timestampMs = new Float64Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i + 1];
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    const at = (name: string) => `${path}: row ${i + 2}, column ${name}`;
    const id = row[col.customer_id].trim();
    if (id === '') return { problem: `${at('customer_id')}: empty customer id` };
    const t = parseIsoDate(row[col.timestamp]);
    if (t === null) return { problem: `${at('timestamp')}: "${row[col.timestamp]}" is not an ISO 8601 date` };
    const a = Number(row[col.amount]);
    if (row[col.amount].trim() === '' || !Number.isFinite(a)) return { problem: `${at('amount')}: "${row[col.amount]}" is not a number` };
    let c = ids.get(id);
    if (c === undefined) ids.set(id, (c = ids.size));
    customer[i] = c;
    timestampMs[i] = t;
    amount[i] = a;
  }
  return { log: { customerIds: [...ids.keys()], customer, timestampMs, amount } };
}
