/**
 * Reading a customer data folder from code: the same validation as `healthscore ingest` (every
 * row used or quarantined with a reason), then the clean tables in memory. The clean store goes
 * to a temporary folder unless the caller keeps it with `out`.
 */
import type { ColumnTable } from 'arquero';
import { z } from 'zod';
import { AdapterName, ingestAdapter } from '../data/adapters/ingest-adapter.ts';
import { readCleanTables } from '../data/clean-store.ts';
import type { CustomerData } from '../data/customer-data.ts';
import { ingestFolder } from '../data/ingest-folder.ts';
import type { IngestSummary } from '../data/ingest-summary.ts';
import { silentLog } from '../diagnostics/log.ts';
import { LogArgument, parseArgument } from './argument.ts';
import { inOutputFolder } from './output-folder.ts';

/**
 * Validated customer history: one arquero table per table of the data contract (`customers`,
 * `transactions`, `events`, `tickets`, `surveys`, `subscriptions`; only `customers` is always
 * there), dates as epoch ms (UTC), and the ingest summary that accounts for every input row.
 *
 * @example
 * ```ts
 * import { readCustomerData, type CustomerDataSet } from 'healthscore';
 * const data: CustomerDataSet = await readCustomerData('data/sample');
 * console.log(data.tables.customers.numRows()); // => 2000
 * ```
 */
export interface CustomerDataSet {
  /** The clean tables (arquero `ColumnTable`s). */
  tables: CustomerData;
  /** Rows read, accepted and rejected per table, with the rejection reasons. */
  summary: IngestSummary;
  /** Where the data came from (the folder or file read), for messages. */
  source: string;
}

const ReadOptions = z.strictObject({
  asOf: z.string().nullish(),
  adapter: AdapterName.optional(),
  out: z.string().optional(),
  log: LogArgument.optional(),
});

/**
 * Options of {@link readCustomerData}: `asOf`, `adapter` (`'cdnow'`), `out` and `log`.
 *
 * @example
 * ```ts
 * import type { ReadCustomerDataOptions } from 'healthscore';
 * const options: ReadCustomerDataOptions = { asOf: '2024-10-31', out: 'clean' };
 * console.log(options.out); // => clean
 * ```
 */
export type ReadCustomerDataOptions = z.input<typeof ReadOptions>;

/**
 * Reads and validates a data folder (one CSV, JSON Lines or Parquet file per table) — or, with
 * `adapter: 'cdnow'`, a CDNOW transaction log — into memory.
 *
 * - `asOf` (folders only): rows dated after it (ISO date or date-time; a date means the end of that day) are rejected;
 * - `out`: keep the clean store (Parquet) and the quarantine files (`out/quarantine/<table>.csv`) there;
 * - `log`: progress lines (default: none).
 *
 * @throws UserError when a file is missing, unreadable or lacks a required column (the message
 * names the file and column); bad rows are not errors, they are counted in `summary`.
 * @example
 * ```ts
 * import { readCustomerData } from 'healthscore';
 * const data = await readCustomerData('data/sample', { asOf: '2024-10-31' });
 * const customers = data.summary.tables.find((t) => t.table === 'customers');
 * console.log(customers?.read === (customers?.accepted ?? 0) + (customers?.rejected ?? 0)); // => true
 * ```
 */
export async function readCustomerData(path: string, options: ReadCustomerDataOptions = {}): Promise<CustomerDataSet> {
  parseArgument('readCustomerData', 'path', z.string().min(1), path);
  const o = parseArgument('readCustomerData', 'options', ReadOptions, options);
  const log = o.log ?? silentLog;
  return inOutputFolder(o.out, 'healthscore-data-', async (out) => {
    const summary =
      o.adapter === undefined ? await ingestFolder(path, out, { asOf: o.asOf ?? null, log }) : await ingestAdapter(o.adapter, path, out, { log });
    return { tables: await readCleanTables(out), summary, source: o.adapter === undefined ? path : `${path} (${o.adapter})` };
  });
}

/**
 * One customer's rows of every table (for {@link scoreCustomer}); the summary is the source's.
 *
 * @example
 * ```ts
 * import { customerRows, readCustomerData } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const id = String(data.tables.customers.get('customer_id', 0));
 * console.log(customerRows(data, id).tables.customers.numRows()); // => 1
 * ```
 */
export function customerRows(data: CustomerDataSet, customerId: string): CustomerDataSet {
  parseArgument('customerRows', 'customerId', z.string(), customerId);
  const tables: Record<string, ColumnTable> = {};
  for (const [name, table] of Object.entries(data.tables)) {
    if (table === undefined) continue;
    const ids = table.array('customer_id') as ArrayLike<unknown>;
    const rows: number[] = [];
    for (let i = 0; i < ids.length; i++) if (String(ids[i]) === customerId) rows.push(i);
    tables[name] = table.reify(rows);
  }
  return { tables: tables as CustomerData, summary: data.summary, source: `${data.source}, customer ${customerId}` };
}
