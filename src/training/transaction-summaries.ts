/**
 * Transaction summaries (lifetimes conventions) at one cutoff, from purchases strictly before it, so
 * value and the BG/NBD baseline stay point-in-time like the features.
 */
import type { ColumnTable } from 'arquero';
import type { CustomerData } from '../data/customer-data.ts';
import { observationEndForCutoff, summariseTransactions } from '../value/transaction-summary.ts';
import type { TimeUnit, TransactionSummary } from '../value/transaction-summary.ts';

/** Null when the data have no transactions table. Recency and T are in `unit` (days by default). */
export function summariesAt(data: CustomerData, customerIds: readonly string[], cutoff: number, unit: TimeUnit = 'days'): TransactionSummary | null {
  const tx = data.transactions;
  if (tx === undefined) return null;
  const index = new Map<string, number>();
  customerIds.forEach((id, i) => index.set(id, i));
  const ids = tx.array('customer_id') as ArrayLike<string>;
  const ts = tx.array('timestamp') as ArrayLike<number>;
  const amounts = tx.array('amount') as ArrayLike<number>;
  const customer: number[] = [];
  const time: number[] = [];
  const amount: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const c = index.get(ids[i]);
    if (c === undefined || !(ts[i] < cutoff)) continue;
    customer.push(c);
    time.push(ts[i]);
    amount.push(amounts[i]);
  }
  return summariseTransactions(Int32Array.from(customer), Float64Array.from(time), Float64Array.from(amount), customerIds.length, {
    observationEnd: observationEndForCutoff(cutoff),
    unit,
  });
}

export const idsOf = (table: ColumnTable): string[] => Array.from(table.array('customer_id') as ArrayLike<unknown>, String);
