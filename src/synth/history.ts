/**
 * One customer's generated rows as numbers: each table a row-major Float64Array laid out as below, times
 * in epoch ms, categories as indexes into catalog.ts's lists, NaN for a blank.
 */
import type { CustomerProfile } from './profile.ts';
import type { CustomerTruth } from './truth.ts';

/** Column positions per table (the `width` is the number of columns). */
export const EVENT_COLS = { time: 0, type: 1, value: 2, width: 3 } as const;
export const TRANSACTION_COLS = { time: 0, amount: 1, quantity: 2, width: 3 } as const;
export const TICKET_COLS = { opened: 0, closed: 1, priority: 2, category: 3, csat: 4, width: 5 } as const;
export const SURVEY_COLS = { time: 0, nps: 1, width: 2 } as const;
/** `tier` and `annual` (0/1) together name the plan. */
export const SUBSCRIPTION_COLS = { start: 0, end: 1, mrr: 2, tier: 3, annual: 4, width: 5 } as const;

export interface CustomerHistory {
  customerId: string;
  profile: CustomerProfile;
  /** Epoch ms of the churn day (00:00 UTC), NaN when the customer is still active at the window's end. */
  churnMs: number;
  events: Float64Array;
  transactions: Float64Array;
  tickets: Float64Array;
  surveys: Float64Array;
  subscriptions: Float64Array;
  truth: CustomerTruth;
}

/** `C000001`, … : six digits at least, so ids sort in signup order for up to a million customers. */
export function customerId(index: number): string {
  return `C${String(index + 1).padStart(6, '0')}`;
}
