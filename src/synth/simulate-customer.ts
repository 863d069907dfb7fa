/**
 * One customer's whole history, the pure core of the generator: its rows of the six tables and its hidden
 * truth, from the config and its index alone, so customers can be generated in any order. Week by week:
 * move the health, draw churn from what happened before the week, then write the week's activity, NPS
 * answer, renewals and plan changes. Cost: O(weeks + rows).
 */
import { DAY_MS, WEEK_MS } from '../data/contract.ts';
import { formatIsoDay, parseIsoDay } from '../data/iso-date.ts';
import { sigmoid } from '../calibrate/sigmoid.ts';
import { activitySink, simulateActivity } from './activity.ts';
import {
  EVENT_BASE_RATE,
  EVENT_LOGIN,
  PLAN_CHANGE_HEALTH_SLOPE,
  PLAN_CHANGE_RATE,
  RENEWAL_UPLIFT,
  SEGMENT_ACTIVITY,
  SURVEY_INTERVAL_WEEKS,
  SURVEY_RESPONSE_RATE,
} from './catalog.ts';
import { generationWindow, type GenerationWindow, type GeneratorConfig } from './config.ts';
import { churnLogOdds, dominantDriver, type ChurnInputs } from './drivers.ts';
import { HEALTH, healthShock, healthStep } from './health.ts';
import { customerId, SUBSCRIPTION_COLS, SURVEY_COLS, type CustomerHistory } from './history.ts';
import { drawProfile, planMrr } from './profile.ts';
import { bernoulli, customerRng, normal, uniform, type RandomGenerator } from './random.ts';
import { RowBuffer } from './row-buffer.ts';

const MONTH_MS = 30.4375 * DAY_MS;
const LOGIN_WEEKS = 8;
const SEVERE_TICKET_WEEKS = 13;

export function simulateCustomer(
  config: GeneratorConfig,
  index: number,
  rng: RandomGenerator = customerRng(config.seed, index),
  window: GenerationWindow = generationWindow(config),
): CustomerHistory {
  // Drawn first and always, so that switching the decline scenario on changes nothing else.
  const declineDraw = uniform(rng);
  const profile = drawProfile(config, window, index, rng);
  const id = customerId(index);
  const sink = activitySink();
  const subs = new RowBuffer(SUBSCRIPTION_COLS.width, 4);
  const surveys = new RowBuffer(SURVEY_COLS.width, 8);

  const declineMs = config.decline === null ? Number.NaN : (parseIsoDay(config.decline.date) ?? Number.NaN);
  const declines = config.decline !== null && declineDraw < config.decline.share;
  let declined = false;

  const firstMs = Math.max(profile.signupMs, window.startMs);
  let tier = profile.tier;
  let annual = profile.annual;
  let mrr = profile.mrr;
  let renewals = 0;
  let renewalMs = Number.NaN;
  let subRow = openSubscription(subs, profile.signupMs, mrr, tier, annual);
  if (annual) {
    // Terms that ended before the window: one row per year, with the renewal price rise.
    renewalMs = anniversary(profile.signupMs, ++renewals);
    while (renewalMs <= firstMs) {
      subs.set(subRow, SUBSCRIPTION_COLS.end, renewalMs);
      mrr = Math.round(mrr * RENEWAL_UPLIFT * 100) / 100;
      subRow = openSubscription(subs, renewalMs, mrr, tier, annual);
      renewalMs = anniversary(profile.signupMs, ++renewals);
    }
  }

  // Quarterly surveys: first 4–12 weeks after signup, or at a random phase for the installed base.
  let surveyMs =
    profile.signupMs >= window.startMs
      ? profile.signupMs + (4 + Math.floor(uniform(rng) * 9)) * WEEK_MS
      : window.startMs + Math.floor(uniform(rng) * SURVEY_INTERVAL_WEEKS) * WEEK_MS;
  let lastNps = Number.NaN;

  const loginRing = new Float64Array(LOGIN_WEEKS);
  const severeRing = new Float64Array(SEVERE_TICKET_WEEKS);
  const usualWeeklyLogins = EVENT_BASE_RATE[EVENT_LOGIN] * SEGMENT_ACTIVITY[profile.segment];
  const x: ChurnInputs = { loginLevel: 0, loginTrend: 0, severeTickets: 0, nps: 0, tenure: 0, annual: 0, latentHealth: 0 };
  const monthEndHealth: Array<number | null> = new Array<number | null>(config.months).fill(null);
  const shocks: string[] = [];
  let month = 0;
  let h = profile.health0;
  let churnMs = Number.NaN;
  let churnCause: string | null = null;
  let churnProbability = 0;

  for (let week = 0, ws = firstMs; ws < window.endMs; week++, ws += WEEK_MS) {
    const we = Math.min(ws + WEEK_MS, window.endMs);
    if (week > 0) {
      h = healthStep(rng, h, profile.healthLevel);
      const shock = healthShock(rng);
      if (shock > 0) {
        h -= shock;
        shocks.push(formatIsoDay(ws));
      }
    }

    churnInputs(x, loginRing, severeRing, week, usualWeeklyLogins, lastNps, ws - profile.signupMs, annual, h);
    churnProbability = sigmoid(churnLogOdds(x));
    if (bernoulli(rng, churnProbability)) {
      const day = ws + (1 + Math.floor(uniform(rng) * 7)) * DAY_MS;
      if (day < window.endMs) {
        churnMs = day;
        churnCause = dominantDriver(x);
      }
    }
    const churned = !Number.isNaN(churnMs);
    const activeEnd = churned ? churnMs : we;
    const closeLimit = churned ? churnMs : window.endMs;

    sink.logins = 0;
    sink.severeTickets = 0;
    if (declines && !declined && declineMs >= ws && declineMs < activeEnd) {
      // The drop happens on the decline day itself: the week's activity is split around it.
      simulateActivity(rng, sink, profile, h, ws, declineMs, closeLimit, churned);
      h -= HEALTH.declineDrop;
      declined = true;
      simulateActivity(rng, sink, profile, h, declineMs, activeEnd, closeLimit, churned);
    } else {
      simulateActivity(rng, sink, profile, h, ws, activeEnd, closeLimit, churned);
    }

    while (surveyMs < activeEnd) {
      if (surveyMs >= ws && bernoulli(rng, SURVEY_RESPONSE_RATE)) {
        const answerMs = surveyMs + Math.floor(uniform(rng) * Math.min(3 * DAY_MS, activeEnd - surveyMs) / 1000) * 1000;
        lastNps = Math.min(10, Math.max(0, Math.round(7 + 1.6 * h + 1.4 * normal(rng))));
        const row = surveys.append();
        surveys.set(row, SURVEY_COLS.time, answerMs);
        surveys.set(row, SURVEY_COLS.nps, lastNps);
      }
      surveyMs += SURVEY_INTERVAL_WEEKS * WEEK_MS;
    }

    if (annual && renewalMs >= ws && renewalMs < activeEnd) {
      subs.set(subRow, SUBSCRIPTION_COLS.end, renewalMs);
      mrr = Math.round(mrr * RENEWAL_UPLIFT * 100) / 100;
      subRow = openSubscription(subs, renewalMs, mrr, tier, annual);
      renewalMs = anniversary(profile.signupMs, ++renewals);
    }

    const change = planChange(rng, tier, h);
    const changeDay = ws + Math.floor(uniform(rng) * Math.floor((activeEnd - ws) / DAY_MS)) * DAY_MS;
    if (change !== 0 && changeDay > subs.get(subRow, SUBSCRIPTION_COLS.start)) {
      tier += change;
      // The enterprise tier is sold on annual contracts only; a downgrade keeps the billing.
      if (tier === 2 && !annual) {
        annual = true;
        renewals = 0;
        while (Number.isNaN(renewalMs) || renewalMs <= changeDay) renewalMs = anniversary(profile.signupMs, ++renewals);
      }
      mrr = planMrr(tier, annual, profile.seats);
      subs.set(subRow, SUBSCRIPTION_COLS.end, changeDay);
      subRow = openSubscription(subs, changeDay, mrr, tier, annual);
    }

    while (month < config.months && window.monthStarts[month + 1] <= ws) month++;
    while (month < config.months && window.monthStarts[month + 1] <= activeEnd) {
      monthEndHealth[month++] = Math.round(h * 1000) / 1000;
    }

    loginRing[week % LOGIN_WEEKS] = sink.logins;
    severeRing[week % SEVERE_TICKET_WEEKS] = sink.severeTickets;
    if (churned) {
      subs.set(subRow, SUBSCRIPTION_COLS.end, churnMs);
      break;
    }
  }

  return {
    customerId: id,
    profile,
    churnMs,
    events: sink.events.rows(),
    transactions: sink.transactions.rows(),
    tickets: sink.tickets.rows(),
    surveys: surveys.rows(),
    subscriptions: subs.rows(),
    truth: {
      customer_id: id,
      health_level: Math.round(profile.healthLevel * 1000) / 1000,
      month_end_health: monthEndHealth,
      shocks,
      declined,
      churn_date: Number.isNaN(churnMs) ? null : formatIsoDay(churnMs),
      churn_cause: churnCause,
      last_weekly_churn_probability: Math.round(churnProbability * 1e6) / 1e6,
    },
  };
}

/** Fills the hazard inputs (drivers.ts) from the weeks before week `week`; `ring`s hold weekly counts. */
function churnInputs(
  x: ChurnInputs,
  loginRing: Float64Array,
  severeRing: Float64Array,
  week: number,
  usualWeeklyLogins: number,
  lastNps: number,
  tenureMs: number,
  annual: boolean,
  h: number,
): void {
  let recent = 0;
  let before = 0;
  for (let back = 1; back <= LOGIN_WEEKS && back <= week; back++) {
    const count = loginRing[(week - back) % LOGIN_WEEKS];
    if (back <= 4) recent += count;
    else before += count;
  }
  const observed = Math.min(week, 4);
  x.loginLevel = observed === 0 ? 0 : Math.log((recent + 1) / (usualWeeklyLogins * observed + 1));
  x.loginTrend = week < LOGIN_WEEKS ? 0 : Math.log((recent + 1) / (before + 1));
  let severe = 0;
  for (let back = 1; back <= SEVERE_TICKET_WEEKS && back <= week; back++) severe += severeRing[(week - back) % SEVERE_TICKET_WEEKS];
  x.severeTickets = severe;
  x.nps = Number.isNaN(lastNps) ? 0 : lastNps - 7;
  x.tenure = Math.log(1 + tenureMs / MONTH_MS);
  x.annual = annual ? 1 : 0;
  x.latentHealth = h;
}

/** +1 upgrade, −1 downgrade, 0 none; healthy customers upgrade more and downgrade less. */
function planChange(rng: RandomGenerator, tier: number, h: number): number {
  const u = uniform(rng);
  const up = tier < 2 ? PLAN_CHANGE_RATE * Math.exp(PLAN_CHANGE_HEALTH_SLOPE * h) : 0;
  const down = tier > 0 ? PLAN_CHANGE_RATE * Math.exp(-PLAN_CHANGE_HEALTH_SLOPE * h) : 0;
  if (u < up) return 1;
  if (u < up + down) return -1;
  return 0;
}

function openSubscription(subs: RowBuffer, startMs: number, mrr: number, tier: number, annual: boolean): number {
  const row = subs.append();
  subs.set(row, SUBSCRIPTION_COLS.start, startMs);
  subs.set(row, SUBSCRIPTION_COLS.mrr, mrr);
  subs.set(row, SUBSCRIPTION_COLS.tier, tier);
  subs.set(row, SUBSCRIPTION_COLS.annual, annual ? 1 : 0);
  return row;
}

/** The signup day `years` years on (29 February rolls to 1 March). */
function anniversary(signupMs: number, years: number): number {
  const d = new Date(signupMs);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate());
}

