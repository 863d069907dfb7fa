/**
 * Small random customer histories for the engine tests: every table of the contract, blanks,
 * same-day and same-instant rows (ties), rows before and after typical cutoffs. Deterministic in
 * the seed (mulberry32), so a failing parity case can be replayed.
 */
import * as aq from 'arquero';
import { DAY_MS, TICKET_PRIORITIES } from '../../src/data/contract.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';

export const START = Date.UTC(2023, 0, 1);

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomHistory(seed: number, customers = 40, days = 600): CustomerData {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  // Whole hours so that some rows share an instant.
  const at = (from: number, spanDays: number) => from + int(spanDays * 24) * 3_600_000;
  const cust = { customer_id: [] as string[], signup_date: [] as number[], plan: [] as (string | null)[], segment: [] as (string | null)[], region: [] as (string | null)[], churn_date: [] as (number | null)[] };
  const tx = { customer_id: [] as string[], timestamp: [] as number[], amount: [] as number[], transaction_id: [] as (string | null)[], quantity: [] as (number | null)[] };
  const ev = { customer_id: [] as string[], timestamp: [] as number[], event_type: [] as string[], value: [] as (number | null)[] };
  const tk = { customer_id: [] as string[], opened_at: [] as number[], closed_at: [] as (number | null)[], priority: [] as (string | null)[], category: [] as (string | null)[], csat: [] as (number | null)[] };
  const sv = { customer_id: [] as string[], timestamp: [] as number[], nps: [] as number[] };
  const sb = { customer_id: [] as string[], start_date: [] as number[], end_date: [] as (number | null)[], mrr: [] as number[], plan: [] as (string | null)[] };
  for (let i = 0; i < customers; i++) {
    const id = `C${String(i).padStart(4, '0')}`;
    const signup = at(START, days / 2);
    const life = int(days);
    const churn = rnd() < 0.4 ? signup + life * DAY_MS : null;
    const end = churn ?? START + days * DAY_MS;
    cust.customer_id.push(id);
    cust.signup_date.push(signup);
    cust.plan.push(rnd() < 0.1 ? null : ['basic', 'pro', 'team'][int(3)]);
    cust.segment.push(null);
    cust.region.push(null);
    cust.churn_date.push(churn);
    const span = Math.max(1, (end - signup) / DAY_MS);
    for (let k = int(12); k > 0; k--) {
      tx.customer_id.push(id);
      tx.timestamp.push(at(signup, span));
      tx.amount.push(Math.round(rnd() * 20000) / 100);
      tx.transaction_id.push(null);
      tx.quantity.push(rnd() < 0.5 ? null : 1 + int(3));
    }
    for (let k = int(80); k > 0; k--) {
      ev.customer_id.push(id);
      ev.timestamp.push(at(signup, span));
      ev.event_type.push(['login', 'report', 'export', 'invite', 'api'][int(5)]);
      ev.value.push(null);
    }
    for (let k = int(5); k > 0; k--) {
      const opened = at(signup, span);
      tk.customer_id.push(id);
      tk.opened_at.push(opened);
      const closed = rnd() < 0.2 ? null : opened + int(20 * 24) * 3_600_000;
      tk.closed_at.push(closed);
      tk.priority.push(rnd() < 0.1 ? null : TICKET_PRIORITIES[int(4)]);
      tk.category.push('billing');
      tk.csat.push(closed === null || rnd() < 0.3 ? null : 1 + int(5));
    }
    for (let k = int(5); k > 0; k--) {
      sv.customer_id.push(id);
      sv.timestamp.push(at(signup, span));
      sv.nps.push(int(11));
    }
    // Consecutive subscriptions: renewals and plan changes, the last maybe still running.
    let s = signup;
    while (s < end) {
      const len = (30 + int(400)) * DAY_MS;
      const e = s + len >= end ? (churn === null && rnd() < 0.7 ? null : end) : s + len;
      sb.customer_id.push(id);
      sb.start_date.push(s);
      sb.end_date.push(e);
      sb.mrr.push([29, 99, 299][int(3)]);
      sb.plan.push(['basic', 'pro', 'team'][int(3)]);
      if (e === null) break;
      s = e;
    }
  }
  return {
    customers: aq.table(cust),
    transactions: aq.table(tx),
    events: aq.table(ev),
    tickets: aq.table(tk),
    surveys: aq.table(sv),
    subscriptions: aq.table(sb),
  };
}
