/**
 * Who a customer is (signup, segment, region, plan, seats, health level), drawn before its weekly
 * simulation. The first `baseShare` of indexes are the installed base, signed up 1095·(1 − p)² days
 * before the window with p stratified over them (recent signups more common); the others sign up
 * evenly over the window. Both are stratified by index, so customer ids increase with signup date.
 */
import { DAY_MS } from '../data/contract.ts';
import {
  ANNUAL_DISCOUNT,
  ANNUAL_SHARE_BY_TIER,
  REGION_SHARE,
  SEGMENT_SEATS,
  SEGMENT_SHARE,
  TIER_PRICE,
  TIER_SHARE_BY_SEGMENT,
} from './catalog.ts';
import type { GenerationWindow, GeneratorConfig } from './config.ts';
import { HEALTH, HEALTH_STATIONARY_SD } from './health.ts';
import { bernoulli, categorical, normal, uniform, type RandomGenerator } from './random.ts';

export const BASE_HISTORY_DAYS = 1095;

export interface CustomerProfile {
  index: number;
  signupMs: number;
  segment: number;
  region: number;
  tier: number;
  annual: boolean;
  seats: number;
  /** MRR of the first subscription, in currency units with cents. */
  mrr: number;
  /** μ, the level the hidden health reverts to. */
  healthLevel: number;
  /** Hidden health at the start of the customer's simulated history. */
  health0: number;
}

export function signupDay(config: GeneratorConfig, window: GenerationWindow, index: number, u: number): number {
  const nBase = Math.round(config.customers * config.baseShare);
  if (index < nBase) {
    const p = (index + u) / nBase;
    const daysBefore = Math.max(1, Math.ceil(BASE_HISTORY_DAYS * (1 - p) * (1 - p)));
    return window.startMs - daysBefore * DAY_MS;
  }
  const windowDays = Math.round((window.endMs - window.startMs) / DAY_MS);
  const p = (index - nBase + u) / (config.customers - nBase);
  return window.startMs + Math.min(windowDays - 1, Math.floor(p * windowDays)) * DAY_MS;
}

/** First subscription MRR: seats × tier price, discounted when billed annually, to the cent. */
export function planMrr(tier: number, annual: boolean, seats: number): number {
  return Math.round(TIER_PRICE[tier] * seats * (annual ? ANNUAL_DISCOUNT : 1) * 100) / 100;
}

export function drawProfile(
  config: GeneratorConfig,
  window: GenerationWindow,
  index: number,
  rng: RandomGenerator,
): CustomerProfile {
  const signupMs = signupDay(config, window, index, uniform(rng));
  const segment = categorical(rng, SEGMENT_SHARE, 1);
  const region = categorical(rng, REGION_SHARE, 1);
  const tier = categorical(rng, TIER_SHARE_BY_SEGMENT[segment], 1);
  const annual = bernoulli(rng, ANNUAL_SHARE_BY_TIER[tier]);
  const seats = Math.max(1, Math.round(SEGMENT_SEATS[segment] * Math.exp(0.4 * normal(rng))));
  const healthLevel = HEALTH.levelSpread * normal(rng);
  const health0 = healthLevel + HEALTH_STATIONARY_SD * normal(rng);
  return {
    index,
    signupMs,
    segment,
    region,
    tier,
    annual,
    seats,
    mrr: planMrr(tier, annual, seats),
    healthLevel,
    health0,
  };
}
