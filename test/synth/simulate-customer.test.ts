import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/data/contract.ts';
import { GeneratorConfig, generationWindow } from '../../src/synth/config.ts';
import {
  EVENT_COLS,
  SUBSCRIPTION_COLS,
  SURVEY_COLS,
  TICKET_COLS,
  TRANSACTION_COLS,
  type CustomerHistory,
} from '../../src/synth/history.ts';
import { customerRng } from '../../src/synth/random.ts';
import { simulateCustomer } from '../../src/synth/simulate-customer.ts';

const config = GeneratorConfig.parse({ customers: 1200, months: 12, seed: 11 });
const window = generationWindow(config);
const histories: CustomerHistory[] = [];
for (let i = 0; i < config.customers; i++) histories.push(simulateCustomer(config, i, customerRng(config.seed, i), window));

/** Times of column `col` in a row-major table of width `width`. */
function column(rows: Float64Array, width: number, col: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < rows.length; o += width) out.push(rows[o + col]);
  return out;
}

function activityTimes(h: CustomerHistory): number[] {
  return [
    ...column(h.events, EVENT_COLS.width, EVENT_COLS.time),
    ...column(h.transactions, TRANSACTION_COLS.width, TRANSACTION_COLS.time),
    ...column(h.tickets, TICKET_COLS.width, TICKET_COLS.opened),
    ...column(h.surveys, SURVEY_COLS.width, SURVEY_COLS.time),
  ];
}

/** Customers breaking `ok`, by id, so a failure names them. */
const breaking = (ok: (h: CustomerHistory) => boolean): string[] => histories.filter((h) => !ok(h)).map((h) => h.customerId);

describe('simulateCustomer', () => {
  it('returns the same history for the same configuration and index, in any order', () => {
    const again = simulateCustomer(config, 17);
    expect(again).toEqual(histories[17]);
  });

  it('writes no activity after the churn day', () => {
    expect(breaking((h) => Number.isNaN(h.churnMs) || activityTimes(h).every((t) => t < h.churnMs))).toEqual([]);
  });

  it('writes no activity before signup or outside the window', () => {
    expect(
      breaking((h) => activityTimes(h).every((t) => t >= h.profile.signupMs && t >= window.startMs && t < window.endMs)),
    ).toEqual([]);
  });

  it('writes each table in time order', () => {
    const ordered = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x >= xs[i - 1]);
    expect(
      breaking(
        (h) =>
          ordered(column(h.events, EVENT_COLS.width, EVENT_COLS.time)) &&
          ordered(column(h.tickets, TICKET_COLS.width, TICKET_COLS.opened)) &&
          ordered(column(h.transactions, TRANSACTION_COLS.width, TRANSACTION_COLS.time)),
      ),
    ).toEqual([]);
  });

  it('closes tickets after they open, never after the data ends, and leaves some open at the end', () => {
    let open = 0;
    const bad = breaking((h) => {
      const limit = Number.isNaN(h.churnMs) ? window.endMs : h.churnMs;
      for (let o = 0; o < h.tickets.length; o += TICKET_COLS.width) {
        const opened = h.tickets[o + TICKET_COLS.opened];
        const closed = h.tickets[o + TICKET_COLS.closed];
        if (Number.isNaN(closed)) {
          open++;
          if (!Number.isNaN(h.churnMs)) return false; // churned accounts close their tickets
        } else if (!(closed >= opened && closed <= limit)) return false;
      }
      return true;
    });
    expect(bad).toEqual([]);
    expect(open).toBeGreaterThan(0);
  });

  it('answers NPS with whole numbers 0–10 and CSAT with 1–5', () => {
    const nps = histories.flatMap((h) => column(h.surveys, SURVEY_COLS.width, SURVEY_COLS.nps));
    expect(nps.length).toBeGreaterThan(500);
    expect(nps.every((v) => Number.isInteger(v) && v >= 0 && v <= 10)).toBe(true);
    const csat = histories.flatMap((h) => column(h.tickets, TICKET_COLS.width, TICKET_COLS.csat)).filter((v) => !Number.isNaN(v));
    expect(csat.every((v) => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(true);
  });

  it('chains subscriptions without gaps and ends the last one on the churn day', () => {
    expect(
      breaking((h) => {
        const starts = column(h.subscriptions, SUBSCRIPTION_COLS.width, SUBSCRIPTION_COLS.start);
        const ends = column(h.subscriptions, SUBSCRIPTION_COLS.width, SUBSCRIPTION_COLS.end);
        if (starts[0] !== h.profile.signupMs) return false;
        for (let i = 0; i < starts.length - 1; i++) if (!(ends[i] === starts[i + 1] && ends[i] > starts[i])) return false;
        const last = ends[ends.length - 1];
        return Number.isNaN(h.churnMs) ? Number.isNaN(last) : last === h.churnMs && last > starts[starts.length - 1];
      }),
    ).toEqual([]);
  });

  it('churns on a whole day after signup and inside the window', () => {
    expect(
      breaking(
        (h) =>
          Number.isNaN(h.churnMs) ||
          (h.churnMs % DAY_MS === 0 && h.churnMs > h.profile.signupMs && h.churnMs > window.startMs && h.churnMs < window.endMs),
      ),
    ).toEqual([]);
  });

  it('records the churn day and a cause in the truth', () => {
    const churned = histories.filter((h) => !Number.isNaN(h.churnMs));
    expect(churned.every((h) => h.truth.churn_date === new Date(h.churnMs).toISOString().slice(0, 10))).toBe(true);
    expect(churned.every((h) => h.truth.churn_cause !== null)).toBe(true);
    expect(histories.every((h) => h.truth.month_end_health.length === config.months)).toBe(true);
  });
});

describe('the decline scenario', () => {
  const declineDate = '2024-07-01';
  const declineMs = Date.UTC(2024, 6, 1);
  const scenario = GeneratorConfig.parse({ ...config, decline: { share: 0.3, date: declineDate } });
  const hit = histories.map((_, i) => simulateCustomer(scenario, i, customerRng(config.seed, i), window));

  it('hits about the requested share of the customers active on the date', () => {
    const active = histories.filter((h) => h.profile.signupMs <= declineMs && (Number.isNaN(h.churnMs) || h.churnMs > declineMs));
    const declined = hit.filter((h) => h.truth.declined).length;
    expect(declined / active.length).toBeGreaterThan(0.25);
    expect(declined / active.length).toBeLessThan(0.35);
  });

  it('leaves the other customers exactly as without the scenario', () => {
    const changed = hit.filter((h, i) => !h.truth.declined && JSON.stringify(h.truth) !== JSON.stringify(histories[i].truth));
    expect(changed.map((h) => h.customerId)).toEqual([]);
  });

  it('cuts the logins of the customers it hits', () => {
    const logins = (h: CustomerHistory, from: number, to: number): number => {
      let n = 0;
      for (let o = 0; o < h.events.length; o += EVENT_COLS.width) {
        const t = h.events[o + EVENT_COLS.time];
        if (h.events[o + EVENT_COLS.type] === 0 && t >= from && t < to) n++;
      }
      return n;
    };
    const declined = hit.filter((h) => h.truth.declined);
    const before = declined.reduce((n, h) => n + logins(h, declineMs - 28 * DAY_MS, declineMs), 0);
    const after = declined.reduce((n, h) => n + logins(h, declineMs, declineMs + 28 * DAY_MS), 0);
    expect(after).toBeLessThan(0.5 * before);
  });
});
