/**
 * What a customer does during a stretch of time at hidden health h: product events, tickets and
 * purchases, each a Poisson process whose rate h sets (catalog.ts), appended in time order.
 * Cost: O(rows written + 3) uniform draws per call.
 */
import { WEEK_MS } from '../data/contract.ts';
import {
  API_TIER_MIN,
  CLOSE_MEDIAN_HOURS,
  CSAT_RESPONSE_RATE,
  EVENT_API_CALL,
  EVENT_BASE_RATE,
  EVENT_HEALTH_SLOPE,
  EVENT_INVITE,
  EVENT_LOGIN,
  PRIORITY_HEALTH_SLOPE,
  PRIORITY_THRESHOLDS,
  PURCHASE_BASE_RATE,
  PURCHASE_HEALTH_SLOPE,
  PURCHASE_MEDIAN_AMOUNT,
  SEGMENT_ACTIVITY,
  TICKET_BASE_RATE,
  TICKET_CATEGORY_SHARE,
  TICKET_HEALTH_SLOPE,
} from './catalog.ts';
import { EVENT_COLS, TICKET_COLS, TRANSACTION_COLS } from './history.ts';
import type { CustomerProfile } from './profile.ts';
import { bernoulli, categorical, normal, poisson, uniform, type RandomGenerator } from './random.ts';
import { RowBuffer } from './row-buffer.ts';

/** The buffers one customer's activity is written to, plus counters the churn hazard reads. */
export interface ActivitySink {
  events: RowBuffer;
  tickets: RowBuffer;
  transactions: RowBuffer;
  /** Logins written since the counter was last reset (the weekly loop resets it). */
  logins: number;
  /** High or urgent tickets opened since the counter was last reset. */
  severeTickets: number;
  /** Scratch space: one stretch's times (grown on demand), the event types' rates. */
  times: Float64Array;
  rates: Float64Array;
}

export function activitySink(): ActivitySink {
  return {
    events: new RowBuffer(EVENT_COLS.width, 128),
    tickets: new RowBuffer(TICKET_COLS.width, 8),
    transactions: new RowBuffer(TRANSACTION_COLS.width, 8),
    logins: 0,
    severeTickets: 0,
    times: new Float64Array(64),
    rates: new Float64Array(EVENT_BASE_RATE.length),
  };
}

/**
 * Appends the activity of [fromMs, toMs) at health h. `closeLimitMs` is when the data ends for
 * this customer: the window's end (a ticket not closed by then stays open) or the churn day (a
 * ticket still open then is closed with the account, without a CSAT answer).
 */
export function simulateActivity(
  rng: RandomGenerator,
  sink: ActivitySink,
  profile: CustomerProfile,
  h: number,
  fromMs: number,
  toMs: number,
  closeLimitMs: number,
  churned: boolean,
): void {
  const span = toMs - fromMs;
  if (span <= 0) return;
  const weeks = span / WEEK_MS;
  const activity = SEGMENT_ACTIVITY[profile.segment];

  let total = 0;
  for (let j = 0; j < EVENT_BASE_RATE.length; j++) {
    const gated = j === EVENT_API_CALL && profile.tier < API_TIER_MIN;
    const rate = gated ? 0 : EVENT_BASE_RATE[j] * activity * Math.exp(EVENT_HEALTH_SLOPE[j] * h);
    sink.rates[j] = rate;
    total += rate;
  }
  const nEvents = poisson(rng, total * weeks);
  const eventTimes = sortedTimes(rng, sink, nEvents, fromMs, span);
  for (let i = 0; i < nEvents; i++) {
    const type = categorical(rng, sink.rates, total);
    const row = sink.events.append();
    sink.events.set(row, EVENT_COLS.time, eventTimes[i]);
    sink.events.set(row, EVENT_COLS.type, type);
    sink.events.set(row, EVENT_COLS.value, eventValue(rng, type, h));
    if (type === EVENT_LOGIN) sink.logins++;
  }

  // Bigger accounts open more tickets, but less than proportionally to their activity.
  const nTickets = poisson(rng, TICKET_BASE_RATE * Math.sqrt(activity) * Math.exp(TICKET_HEALTH_SLOPE * h) * weeks);
  const ticketTimes = sortedTimes(rng, sink, nTickets, fromMs, span);
  for (let i = 0; i < nTickets; i++) {
    const opened = ticketTimes[i];
    const severity = PRIORITY_HEALTH_SLOPE * h + normal(rng);
    let priority = 0;
    while (priority < PRIORITY_THRESHOLDS.length && severity > PRIORITY_THRESHOLDS[priority]) priority++;
    if (priority >= 2) sink.severeTickets++;
    const hours = CLOSE_MEDIAN_HOURS[priority] * Math.exp(normal(rng));
    let closed = opened + Math.max(60, Math.round(hours * 3600)) * 1000;
    let csat = Number.NaN;
    if (closed >= closeLimitMs) {
      closed = churned ? closeLimitMs : Number.NaN;
    } else if (bernoulli(rng, CSAT_RESPONSE_RATE)) {
      const mood = 3.9 + 0.6 * h - (priority >= 2 ? 0.4 : 0) + 0.9 * normal(rng);
      csat = Math.min(5, Math.max(1, Math.round(mood)));
    }
    const row = sink.tickets.append();
    sink.tickets.set(row, TICKET_COLS.opened, opened);
    sink.tickets.set(row, TICKET_COLS.closed, closed);
    sink.tickets.set(row, TICKET_COLS.priority, priority);
    sink.tickets.set(row, TICKET_COLS.category, categorical(rng, TICKET_CATEGORY_SHARE, 1));
    sink.tickets.set(row, TICKET_COLS.csat, csat);
  }

  const nPurchases = poisson(rng, PURCHASE_BASE_RATE * activity * Math.exp(PURCHASE_HEALTH_SLOPE * h) * weeks);
  const purchaseTimes = sortedTimes(rng, sink, nPurchases, fromMs, span);
  for (let i = 0; i < nPurchases; i++) {
    const amount = PURCHASE_MEDIAN_AMOUNT[profile.segment] * Math.exp(0.9 * normal(rng));
    const row = sink.transactions.append();
    sink.transactions.set(row, TRANSACTION_COLS.time, purchaseTimes[i]);
    sink.transactions.set(row, TRANSACTION_COLS.amount, Math.max(0.5, Math.round(amount * 100) / 100));
    sink.transactions.set(row, TRANSACTION_COLS.quantity, 1 + poisson(rng, 0.4));
  }
}

/** An event's `value`: session minutes for a login, calls for an API batch, people invited; else blank. */
function eventValue(rng: RandomGenerator, type: number, h: number): number {
  if (type === EVENT_LOGIN) return Math.round(Math.exp(Math.log(9) + 0.7 * normal(rng) + 0.2 * h) * 10) / 10;
  if (type === EVENT_API_CALL) return Math.max(1, Math.round(Math.exp(Math.log(25) + normal(rng))));
  if (type === EVENT_INVITE) return 1 + poisson(rng, 0.4);
  return Number.NaN;
}

/**
 * Fills sink.times[0..n) with n whole-second times uniform on [fromMs, fromMs + span), ascending.
 * n is usually below 10, where an in-place insertion sort beats allocating a subarray to sort.
 */
function sortedTimes(rng: RandomGenerator, sink: ActivitySink, n: number, fromMs: number, span: number): Float64Array {
  if (n > sink.times.length) sink.times = new Float64Array(Math.max(n, 2 * sink.times.length));
  const times = sink.times;
  const seconds = Math.floor(span / 1000);
  for (let i = 0; i < n; i++) times[i] = fromMs + Math.floor(uniform(rng) * seconds) * 1000;
  if (n > 32) {
    times.subarray(0, n).sort();
    return times;
  }
  for (let i = 1; i < n; i++) {
    const t = times[i];
    let j = i - 1;
    while (j >= 0 && times[j] > t) {
      times[j + 1] = times[j];
      j--;
    }
    times[j + 1] = t;
  }
  return times;
}
