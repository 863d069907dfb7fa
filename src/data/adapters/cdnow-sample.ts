/**
 * Reader of the CDNOW logs of Fader, Hardie & Lee (2005) as lifetimes ships them, for the value models:
 * `CDNOW_sample.txt` (master id, sample id, date, CDs, dollars; no header) or `CDNOW_master.txt`
 * (customer id, date, CDs, dollars; a header line), told apart by their column count. Customer ids are
 * the master ids in both. Problems come back as values naming file, line and column.
 */
import { readFileSync } from 'node:fs';

export interface CdnowTransactions {
  /** Customer ids in order of first appearance; `customer[i]` indexes into it. */
  customerIds: string[];
  customer: Int32Array;
  /** Purchase date as epoch ms, UTC midnight. */
  timestampMs: Float64Array;
  cds: Float64Array;
  dollars: Float64Array;
}

const SAMPLE_COLUMNS = ['master id', 'sample id', 'date', 'CDs', 'dollars'];
const MASTER_COLUMNS = ['customer_id', 'date', 'number_of_cds', 'dollar_value'];

export function readCdnow(path: string): { data: CdnowTransactions } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { problem: `${path}: cannot read (${err instanceof Error ? err.message : String(err)})` };
  }
  return parseCdnow(text, path);
}

/** Parse the text of a CDNOW file; `source` names it in messages. */
export function parseCdnow(text: string, source: string): { data: CdnowTransactions } | { problem: string } {
  const lines = text.split(/\r?\n/);
  const ids = new Map<string, number>();
  const customer: number[] = [];
  const timestampMs: number[] = [];
  const cds: number[] = [];
  const dollars: number[] = [];
  let columns: string[] | null = null;
  for (let ln = 0; ln < lines.length; ln++) {
    const fields = lines[ln].trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') continue;
    if (ln === 0 && fields[0] === 'customer_id') {
      columns = MASTER_COLUMNS;
      continue;
    }
    columns ??= fields.length === 5 ? SAMPLE_COLUMNS : MASTER_COLUMNS;
    const at = (col: number): string => `${source}: line ${ln + 1}, column ${col + 1} (${columns?.[col]})`;
    if (fields.length !== columns.length) {
      return { problem: `${source}: line ${ln + 1} has ${fields.length} columns, expected ${columns.length} (${columns.join(', ')})` };
    }
    const dateCol = columns.length - 3;
    const date = parseYyyymmdd(fields[dateCol]);
    if (date === null) return { problem: `${at(dateCol)}: "${fields[dateCol]}" is not a date YYYYMMDD` };
    const nCds = Number(fields[dateCol + 1]);
    if (!Number.isFinite(nCds)) return { problem: `${at(dateCol + 1)}: "${fields[dateCol + 1]}" is not a number` };
    const amount = Number(fields[dateCol + 2]);
    if (!Number.isFinite(amount)) return { problem: `${at(dateCol + 2)}: "${fields[dateCol + 2]}" is not a number` };
    const id = fields[0];
    let c = ids.get(id);
    if (c === undefined) {
      c = ids.size;
      ids.set(id, c);
    }
    customer.push(c);
    timestampMs.push(date);
    cds.push(nCds);
    dollars.push(amount);
  }
  return {
    data: {
      customerIds: [...ids.keys()],
      customer: Int32Array.from(customer),
      timestampMs: Float64Array.from(timestampMs),
      cds: Float64Array.from(cds),
      dollars: Float64Array.from(dollars),
    },
  };
}

/** YYYYMMDD → epoch ms at UTC midnight, or null when it is not a real calendar date. */
export function parseYyyymmdd(s: string): number | null {
  if (!/^\d{8}$/.test(s)) return null;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : null;
}
