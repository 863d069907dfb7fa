/**
 * Transaction summaries (lifetimes conventions) at one cutoff, from purchases strictly before it, so
 * value and the BG/NBD baseline stay point-in-time like the features.
 */
import type { ColumnTable } from 'arquero';
import type { CustomerData } from '../data/customer-data.ts';
import type { TransactionLog } from '../value/read-transactions-csv.ts';
import { observationEndForCutoff, summariseTransactions } from '../value/transaction-summary.ts';
import type { TimeUnit, TransactionSummary } from '../value/transaction-summary.ts';

/** Every purchase in `transactions` as typed arrays, customers indexed as in `customerIds`; others' rows left out. */
export function transactionLog(transactions: ColumnTable, customerIds: string[]): TransactionLog {
  const index = new Map(customerIds.map((id, i) => [id, i]));
  const ids = transactions.array('customer_id') as ArrayLike<string>;
  const ts = transactions.array('timestamp') as ArrayLike<number>;
  const amounts = transactions.array('amount') as ArrayLike<number>;
  const customer: number[] = [];
  const timestampMs: number[] = [];
  const amount: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const c = index.get(ids[i]);
    if (c === undefined) continue;
    customer.push(c);
    timestampMs.push(ts[i]);
    amount.push(amounts[i]);
  }
  return { customerIds, customer: Int32Array.from(customer), timestampMs: Float64Array.from(timestampMs), amount: Float64Array.from(amount) };
}

/**
 * Null when the data have no transactions table. Recency and T are in `unit` (days by default); purchases from
 * the cutoff's day on are left out by the observation end.
 */
export function summariesAt(data: CustomerData, customerIds: string[], cutoff: number, unit: TimeUnit = 'days'): TransactionSummary | null {
  if (data.transactions === undefined) return null;
  const log = transactionLog(data.transactions, customerIds);
  return summariseTransactions(log.customer, log.timestampMs, log.amount, customerIds.length, {
    observationEnd: observationEndForCutoff(cutoff),
    unit,
  });
}

export const idsOf = (table: ColumnTable): string[] => Array.from(table.array('customer_id') as ArrayLike<unknown>, String);
