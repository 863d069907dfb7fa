/**
 * CSV text of one customer's rows, one string per table, in the contract's column order. No generated
 * value needs quoting; NaN is a blank. `customers.plan` is the plan at signup, later ones in `subscriptions`.
 */
import { CONTRACT, TABLE_NAMES, TICKET_PRIORITIES, type TableName } from '../data/contract.ts';
import { EVENT_TYPES, REGIONS, SEGMENTS, TICKET_CATEGORIES, planName } from './catalog.ts';
import { EVENT_COLS, SUBSCRIPTION_COLS, SURVEY_COLS, TICKET_COLS, TRANSACTION_COLS, type CustomerHistory } from './history.ts';
import type { TimestampText } from './timestamp-text.ts';

/** The header line of each table's file. */
export const CSV_HEADERS = Object.fromEntries(
  TABLE_NAMES.map((t) => [t, `${CONTRACT[t].columns.map((c) => c.name).join(',')}\n`]),
) as Record<TableName, string>;

export function rowCounts(history: CustomerHistory): Record<TableName, number> {
  return {
    customers: 1,
    transactions: history.transactions.length / TRANSACTION_COLS.width,
    events: history.events.length / EVENT_COLS.width,
    tickets: history.tickets.length / TICKET_COLS.width,
    surveys: history.surveys.length / SURVEY_COLS.width,
    subscriptions: history.subscriptions.length / SUBSCRIPTION_COLS.width,
  };
}

export function historyCsv(history: CustomerHistory, ts: TimestampText): Record<TableName, string> {
  const id = history.customerId;
  const p = history.profile;
  const churn = Number.isNaN(history.churnMs) ? '' : ts.date(history.churnMs);
  const customers = `${id},${ts.date(p.signupMs)},${planName(p.tier, p.annual)},${SEGMENTS[p.segment]},${REGIONS[p.region]},${churn}\n`;

  let events = '';
  const ev = history.events;
  for (let o = 0; o < ev.length; o += EVENT_COLS.width) {
    const value = ev[o + EVENT_COLS.value];
    events += `${id},${ts.dateTime(ev[o + EVENT_COLS.time])},${EVENT_TYPES[ev[o + EVENT_COLS.type]]},${Number.isNaN(value) ? '' : value}\n`;
  }

  let transactions = '';
  const tr = history.transactions;
  for (let o = 0, seq = 1; o < tr.length; o += TRANSACTION_COLS.width, seq++) {
    transactions += `${id},${ts.dateTime(tr[o + TRANSACTION_COLS.time])},${tr[o + TRANSACTION_COLS.amount].toFixed(2)},${id}-T${seq},${tr[o + TRANSACTION_COLS.quantity]}\n`;
  }

  let tickets = '';
  const tk = history.tickets;
  for (let o = 0; o < tk.length; o += TICKET_COLS.width) {
    const closed = tk[o + TICKET_COLS.closed];
    const csat = tk[o + TICKET_COLS.csat];
    tickets +=
      `${id},${ts.dateTime(tk[o + TICKET_COLS.opened])},${Number.isNaN(closed) ? '' : ts.dateTime(closed)},` +
      `${TICKET_PRIORITIES[tk[o + TICKET_COLS.priority]]},${TICKET_CATEGORIES[tk[o + TICKET_COLS.category]]},${Number.isNaN(csat) ? '' : csat}\n`;
  }

  let surveys = '';
  const sv = history.surveys;
  for (let o = 0; o < sv.length; o += SURVEY_COLS.width) {
    surveys += `${id},${ts.dateTime(sv[o + SURVEY_COLS.time])},${sv[o + SURVEY_COLS.nps]}\n`;
  }

  let subscriptions = '';
  const sb = history.subscriptions;
  for (let o = 0; o < sb.length; o += SUBSCRIPTION_COLS.width) {
    const end = sb[o + SUBSCRIPTION_COLS.end];
    const plan = planName(sb[o + SUBSCRIPTION_COLS.tier], sb[o + SUBSCRIPTION_COLS.annual] === 1);
    subscriptions += `${id},${ts.date(sb[o + SUBSCRIPTION_COLS.start])},${Number.isNaN(end) ? '' : ts.date(end)},${sb[o + SUBSCRIPTION_COLS.mrr].toFixed(2)},${plan}\n`;
  }

  return { customers, transactions, events, tickets, surveys, subscriptions };
}
