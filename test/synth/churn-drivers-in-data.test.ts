/**
 * The drivers documented in TRUE_CHURN_DRIVERS really move churn in the generated rows: at monthly
 * cutoffs, customers who churn within the next 30 days differ from those who stay in the stated
 * direction, measured only on what the files hold (a model could learn each of these).
 */
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/data/contract.ts';
import { EVENT_LOGIN } from '../../src/synth/catalog.ts';
import { GeneratorConfig, generationWindow } from '../../src/synth/config.ts';
import { EVENT_COLS, SUBSCRIPTION_COLS, SURVEY_COLS, TICKET_COLS, type CustomerHistory } from '../../src/synth/history.ts';
import { customerRng } from '../../src/synth/random.ts';
import { simulateCustomer } from '../../src/synth/simulate-customer.ts';

const config = GeneratorConfig.parse({ customers: 3000, months: 15, seed: 77 });
const window = generationWindow(config);
const HORIZON_MS = 30 * DAY_MS;

interface Snapshot {
  churns: boolean;
  tenureMonths: number;
  logins30: number;
  loginsPrev30: number;
  severe91: number;
  lastNps: number;
  annual: boolean;
}

function count(rows: Float64Array, width: number, col: number, from: number, to: number, keep: (o: number) => boolean = () => true): number {
  let n = 0;
  for (let o = 0; o < rows.length; o += width) {
    const t = rows[o + col];
    if (t >= from && t < to && keep(o)) n++;
  }
  return n;
}

function snapshot(h: CustomerHistory, cutoff: number): Snapshot | null {
  if (h.profile.signupMs >= cutoff || h.churnMs <= cutoff) return null;
  let lastNps = Number.NaN;
  for (let o = 0; o < h.surveys.length; o += SURVEY_COLS.width) if (h.surveys[o + SURVEY_COLS.time] < cutoff) lastNps = h.surveys[o + SURVEY_COLS.nps];
  let annual = false;
  for (let o = 0; o < h.subscriptions.length; o += SUBSCRIPTION_COLS.width) {
    if (h.subscriptions[o + SUBSCRIPTION_COLS.start] <= cutoff) annual = h.subscriptions[o + SUBSCRIPTION_COLS.annual] === 1;
  }
  const isLogin = (o: number): boolean => h.events[o + EVENT_COLS.type] === EVENT_LOGIN;
  return {
    churns: h.churnMs < cutoff + HORIZON_MS,
    tenureMonths: (cutoff - h.profile.signupMs) / (30.4375 * DAY_MS),
    logins30: count(h.events, EVENT_COLS.width, EVENT_COLS.time, cutoff - 30 * DAY_MS, cutoff, isLogin),
    loginsPrev30: count(h.events, EVENT_COLS.width, EVENT_COLS.time, cutoff - 60 * DAY_MS, cutoff - 30 * DAY_MS, isLogin),
    severe91: count(h.tickets, TICKET_COLS.width, TICKET_COLS.opened, cutoff - 91 * DAY_MS, cutoff, (o) => h.tickets[o + TICKET_COLS.priority] >= 2),
    lastNps,
    annual,
  };
}

const snapshots: Snapshot[] = [];
for (let i = 0; i < config.customers; i++) {
  const h = simulateCustomer(config, i, customerRng(config.seed, i), window);
  // Cutoffs from month 3 on, so that every customer has two months of history behind a cutoff.
  for (let m = 3; m < config.months - 1; m++) {
    const s = snapshot(h, window.monthStarts[m]);
    if (s !== null) snapshots.push(s);
  }
}

const churnRate = (xs: Snapshot[]): number => xs.filter((s) => s.churns).length / xs.length;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('churn in the generated data', () => {
  it('runs at a plausible SaaS rate: 1–6 % of active customers a month', () => {
    const rate = churnRate(snapshots);
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.06);
  });

  it('follows fewer logins in the last 30 days than non-churners of the same tenure had', () => {
    const strata: Array<[number, number]> = [[0, 6], [6, 12], [12, 24], [24, Infinity]];
    for (const [lo, hi] of strata) {
      const inStratum = snapshots.filter((s) => s.tenureMonths >= lo && s.tenureMonths < hi);
      const churners = inStratum.filter((s) => s.churns);
      expect(churners.length, `tenure ${lo}-${hi} months`).toBeGreaterThan(30);
      const stayers = inStratum.filter((s) => !s.churns);
      expect(mean(churners.map((s) => s.logins30)), `tenure ${lo}-${hi} months`).toBeLessThan(0.8 * mean(stayers.map((s) => s.logins30)));
    }
  });

  it('is likelier after falling login activity', () => {
    const active = snapshots.filter((s) => s.loginsPrev30 >= 4);
    const falling = active.filter((s) => s.logins30 <= s.loginsPrev30 / 2);
    const steady = active.filter((s) => s.logins30 >= s.loginsPrev30);
    expect(churnRate(falling)).toBeGreaterThan(1.5 * churnRate(steady));
  });

  it('is likelier after high or urgent tickets', () => {
    const withSevere = snapshots.filter((s) => s.severe91 > 0);
    expect(withSevere.length).toBeGreaterThan(200);
    expect(churnRate(withSevere)).toBeGreaterThan(1.5 * churnRate(snapshots.filter((s) => s.severe91 === 0)));
  });

  it('is likelier after a low NPS answer (detractors 0–6 versus promoters 9–10)', () => {
    const detractors = snapshots.filter((s) => s.lastNps <= 6);
    const promoters = snapshots.filter((s) => s.lastNps >= 9);
    expect(churnRate(detractors)).toBeGreaterThan(1.5 * churnRate(promoters));
  });

  it('falls with tenure', () => {
    expect(churnRate(snapshots.filter((s) => s.tenureMonths < 6))).toBeGreaterThan(
      1.3 * churnRate(snapshots.filter((s) => s.tenureMonths >= 24)),
    );
  });

  it('is lower on annual plans', () => {
    expect(churnRate(snapshots.filter((s) => !s.annual))).toBeGreaterThan(1.5 * churnRate(snapshots.filter((s) => s.annual)));
  });
});
