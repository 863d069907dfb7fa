/**
 * The CDNOW logs of Fader, Hardie & Lee (2005) as lifetimes ships them (format in docs/ingest.md) mapped onto the
 * contract: each purchase a `transactions` row, each buyer a `customers` row signed up at the first purchase (the
 * data set holds the customers who first bought in Q1 1997). `CDNOW_master.txt` (a header line, then customer id,
 * date, CDs, dollars) and `CDNOW_sample.txt` (no header; master id, sample id, date, CDs, dollars) are told apart by
 * their first line; customer ids are the master ids in both. Every line is accounted for.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as aq from 'arquero';
import { UserError } from '../../diagnostics/user-error.ts';
import type { CustomerData } from '../customer-data.ts';
import { tableSummary, type IngestSummary } from '../ingest-summary.ts';
import { parseIsoDate } from '../iso-date.ts';
import { displayValue, type ProblemReason, type QuarantineEntry } from '../row-problem.ts';

export interface AdapterResult {
  data: CustomerData & { transactions: aq.ColumnTable };
  summary: IngestSummary;
  /** Rejected lines per table, as they go to `OUT/quarantine/<table>.csv`. */
  quarantine: Partial<Record<string, QuarantineEntry[]>>;
}

export const MASTER_COLUMNS = ['customer_id', 'date', 'number_of_cds', 'dollar_value'];
export const SAMPLE_COLUMNS = ['master_id', 'sample_id', 'date', 'number_of_cds', 'dollar_value'];

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** Loads a CDNOW log as customer data, its ingest summary and the rejected lines for the quarantine file. */
export async function readCdnow(path: string): Promise<AdapterResult> {
  if (!existsSync(path)) throw new UserError(`${path}: file not found`);
  const ids: string[] = [];
  const timestamps: number[] = [];
  const amounts: number[] = [];
  const quantities: number[] = [];
  const rejected: QuarantineEntry[] = [];
  const reasons: Partial<Record<ProblemReason, number>> = {};
  let columns: string[] | undefined;
  let lineNo = 0;
  let read = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNo++;
      // A blank line holds no purchase (as in the CSV and JSON Lines readers): skipped, its number kept.
      if ((lineNo === 1 && /^\s*customer_id\b/.test(line)) || line.trim() === '') continue;
      read++;
      columns ??= line.trim().split(/\s+/).length === SAMPLE_COLUMNS.length ? SAMPLE_COLUMNS : MASTER_COLUMNS;
      const parsed = parseCdnowLine(line, columns);
      if ('reason' in parsed) {
        rejected.push({ file: path, line: lineNo, ...parsed });
        reasons[parsed.reason] = (reasons[parsed.reason] ?? 0) + 1;
        continue;
      }
      ids.push(parsed.id);
      timestamps.push(parsed.timestamp);
      amounts.push(parsed.amount);
      quantities.push(parsed.quantity);
    }
  } catch (error) {
    throw new UserError(`${path}: cannot read (${(error as Error).message})`);
  }
  if (lineNo === 0) throw new UserError(`${path}: file is empty`);

  const signup = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = signup.get(ids[i]);
    if (first === undefined || timestamps[i] < first) signup.set(ids[i], timestamps[i]);
  }
  const customerCount = signup.size;
  const nulls = (): null[] => new Array<null>(customerCount).fill(null);
  const data: AdapterResult['data'] = {
    customers: aq.table({
      customer_id: [...signup.keys()],
      signup_date: [...signup.values()],
      plan: nulls(),
      segment: nulls(),
      region: nulls(),
      churn_date: nulls(),
    }),
    transactions: aq.table({
      customer_id: ids,
      timestamp: timestamps,
      amount: amounts,
      transaction_id: new Array<null>(ids.length).fill(null),
      quantity: quantities,
    }),
  };
  // Both tables come from the one file; only purchase lines can be rejected.
  const tables = [
    tableSummary({ table: 'customers', file: path, format: 'derived', read: customerCount, accepted: customerCount, reasons: {}, extra_columns: [] }),
    tableSummary({ table: 'transactions', file: path, format: 'cdnow', read, accepted: ids.length, reasons, extra_columns: [] }),
  ];
  return { data, summary: { mode: 'adapter', source: path, as_of: null, tables }, quarantine: { transactions: rejected } };
}

type ParsedLine =
  | { id: string; timestamp: number; amount: number; quantity: number }
  | { column: string; value: string; reason: ProblemReason; detail: string };

/** One purchase line in the layout `columns` (master by default) → its fields, or the first problem found. */
export function parseCdnowLine(line: string, columns: readonly string[] = MASTER_COLUMNS): ParsedLine {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== columns.length || fields[0] === '') {
    return {
      column: '',
      value: displayValue(line),
      reason: 'wrong_field_count',
      detail: `expected ${columns.length} whitespace-separated fields (${columns.join(' ')}), found ${fields[0] === '' ? 0 : fields.length}`,
    };
  }
  const [date, cds, dollars] = fields.slice(-3);
  // The dates are ISO 8601's basic format, YYYYMMDD.
  const timestamp = /^\d{8}$/.test(date) ? parseIsoDate(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`) : null;
  if (timestamp === null) {
    return { column: 'date', value: date, reason: 'bad_date', detail: 'date must be a real calendar day written YYYYMMDD' };
  }
  if (!DECIMAL.test(cds) || !Number.isInteger(Number(cds)) || Number(cds) < 0) {
    return { column: 'number_of_cds', value: cds, reason: 'bad_number', detail: 'number_of_cds must be a whole number >= 0' };
  }
  if (!DECIMAL.test(dollars)) {
    return { column: 'dollar_value', value: dollars, reason: 'bad_number', detail: 'dollar_value is not a number' };
  }
  return { id: fields[0], timestamp, amount: Number(dollars), quantity: Number(cds) };
}
