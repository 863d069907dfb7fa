/**
 * The CDNOW master log (as lifetimes ships it; format in docs/ingest.md) mapped onto the contract: each
 * purchase a `transactions` row, each buyer a `customers` row signed up at the first purchase (the data
 * set holds the customers who first bought in Q1 1997). Every line is accounted for.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as aq from 'arquero';
import { UserError } from '../../diagnostics/user-error.ts';
import type { CustomerData } from '../customer-data.ts';
import type { IngestSummary, TableSummary } from '../ingest-summary.ts';
import { displayValue, type ProblemReason, type QuarantineEntry } from '../row-problem.ts';
import { parseYyyymmdd } from './cdnow-sample.ts';

export interface AdapterResult {
  data: CustomerData;
  summary: IngestSummary;
  /** Rejected lines per table, as they go to `OUT/quarantine/<table>.csv`. */
  quarantine: Partial<Record<string, QuarantineEntry[]>>;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** Loads the CDNOW master log as customer data plus its ingest summary. */
export async function loadCdnow(path: string): Promise<{ data: CustomerData; summary: IngestSummary }> {
  const { data, summary } = await readCdnow(path);
  return { data, summary };
}

/** As {@link loadCdnow}, with the rejected lines for the quarantine file. */
export async function readCdnow(path: string): Promise<AdapterResult> {
  if (!existsSync(path)) throw new UserError(`${path}: file not found`);
  const ids: string[] = [];
  const timestamps: number[] = [];
  const amounts: number[] = [];
  const quantities: number[] = [];
  const rejected: QuarantineEntry[] = [];
  const reasons: Partial<Record<ProblemReason, number>> = {};
  let lineNo = 0;
  let read = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (lineNo === 1 && /^\s*customer_id\b/.test(line)) continue;
    read++;
    const parsed = parseCdnowLine(line);
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
  if (lineNo === 0) throw new UserError(`${path}: file is empty`);

  const signup = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = signup.get(ids[i]);
    if (first === undefined || timestamps[i] < first) signup.set(ids[i], timestamps[i]);
  }
  const customerCount = signup.size;
  const nulls = (): null[] => new Array<null>(customerCount).fill(null);
  const data: CustomerData = {
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
  const transactions: TableSummary = {
    table: 'transactions',
    file: path,
    format: 'cdnow',
    read,
    accepted: ids.length,
    rejected: rejected.length,
    reasons,
    extra_columns: [],
  };
  const customers: TableSummary = {
    table: 'customers',
    file: path,
    format: 'derived',
    read: customerCount,
    accepted: customerCount,
    rejected: 0,
    reasons: {},
    extra_columns: [],
  };
  return {
    data,
    summary: { mode: 'adapter', source: path, as_of: null, tables: [customers, transactions] },
    quarantine: { transactions: rejected },
  };
}

type ParsedLine =
  | { id: string; timestamp: number; amount: number; quantity: number }
  | { column: string; value: string; reason: ProblemReason; detail: string };

/** One purchase line → its fields, or the first problem found. */
export function parseCdnowLine(line: string): ParsedLine {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 4 || fields[0] === '') {
    return {
      column: '',
      value: displayValue(line),
      reason: 'wrong_field_count',
      detail: `expected 4 whitespace-separated fields (customer_id date number_of_cds dollar_value), found ${fields[0] === '' ? 0 : fields.length}`,
    };
  }
  const [id, date, cds, dollars] = fields;
  const timestamp = parseYyyymmdd(date);
  if (timestamp === null) {
    return { column: 'date', value: date, reason: 'bad_date', detail: 'date must be a real calendar day written YYYYMMDD' };
  }
  if (!DECIMAL.test(cds) || !Number.isInteger(Number(cds)) || Number(cds) < 0) {
    return { column: 'number_of_cds', value: cds, reason: 'bad_number', detail: 'number_of_cds must be a whole number >= 0' };
  }
  if (!DECIMAL.test(dollars)) {
    return { column: 'dollar_value', value: dollars, reason: 'bad_number', detail: 'dollar_value is not a number' };
  }
  return { id, timestamp, amount: Number(dollars), quantity: Number(cds) };
}
