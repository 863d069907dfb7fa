/**
 * The synthetic business: segments, plans and prices, regions, events, ticket categories and the base
 * rates of what customers do, per week at health 0 in the smb segment; health h multiplies a rate by
 * exp(slope · h), the segment by its activity factor. The levels give about 100 events per customer.
 */
export const SEGMENTS = ['smb', 'mid', 'enterprise'] as const;
export const SEGMENT_SHARE = [0.7, 0.22, 0.08];
/** Multiplies product-event and purchase rates: more seats, more activity. */
export const SEGMENT_ACTIVITY = [1, 1.6, 2.6];
/** Median seats per segment (seats are lognormal around it, σ = 0.4). */
export const SEGMENT_SEATS = [1, 4, 15];

export const REGIONS = ['na', 'eu', 'apac', 'latam'] as const;
export const REGION_SHARE = [0.4, 0.35, 0.15, 0.1];

export const PLAN_TIERS = ['basic', 'pro', 'enterprise'] as const;
/** Monthly list price per seat, in currency units. */
export const TIER_PRICE = [29, 79, 199];
/** P(tier | segment): rows are segments, columns tiers. */
export const TIER_SHARE_BY_SEGMENT = [
  [0.65, 0.35, 0],
  [0.2, 0.65, 0.15],
  [0, 0.3, 0.7],
];
/** P(annual billing | tier); the enterprise tier is sold on annual contracts only. */
export const ANNUAL_SHARE_BY_TIER = [0.2, 0.4, 1];
/** Annual contracts are billed at 85 % of the monthly list price. */
export const ANNUAL_DISCOUNT = 0.85;
/** Price rise applied at each annual renewal. */
export const RENEWAL_UPLIFT = 1.05;

/** Plan names as written to the files: tier and billing, e.g. `pro-annual`. */
export function planName(tier: number, annual: boolean): string {
  return `${PLAN_TIERS[tier]}-${annual ? 'annual' : 'monthly'}`;
}

export const EVENT_TYPES = ['login', 'feature_use', 'report_export', 'invite_user', 'api_call'] as const;
export const EVENT_LOGIN = 0;
export const EVENT_API_CALL = 4;
export const EVENT_INVITE = 3;
export const EVENT_BASE_RATE = [0.6, 0.22, 0.05, 0.015, 0.12];
export const EVENT_HEALTH_SLOPE = [0.6, 0.7, 0.5, 0.5, 0.3];
/** The API is part of the pro and enterprise tiers only. */
export const API_TIER_MIN = 1;

export const TICKET_CATEGORIES = ['billing', 'bug', 'how_to', 'integration', 'account'] as const;
export const TICKET_CATEGORY_SHARE = [0.2, 0.3, 0.25, 0.15, 0.1];
export const TICKET_BASE_RATE = 0.035;
/** Negative: unhealthy customers open more tickets. */
export const TICKET_HEALTH_SLOPE = -0.6;
/**
 * Priority is read off a latent severity s = −0.8·h + N(0, 1): urgent above 2, high above 1,
 * normal above −0.8, else low. At h = 0 that is about 2 % urgent and 14 % high; at h = −2, 34 % and 31 %.
 */
export const PRIORITY_THRESHOLDS = [-0.8, 1, 2];
export const PRIORITY_HEALTH_SLOPE = -0.8;
/** Median hours to close, by priority low, normal, high, urgent (lognormal, σ = 1). */
export const CLOSE_MEDIAN_HOURS = [72, 36, 12, 4];
export const CSAT_RESPONSE_RATE = 0.6;

export const PURCHASE_BASE_RATE = 0.05;
export const PURCHASE_HEALTH_SLOPE = 0.5;
/** Median add-on purchase amount per segment (lognormal, σ = 0.9). */
export const PURCHASE_MEDIAN_AMOUNT = [35, 70, 140];

/** NPS surveys go out every 13 weeks (quarterly); about 45 % answer. */
export const SURVEY_INTERVAL_WEEKS = 13;
export const SURVEY_RESPONSE_RATE = 0.45;

/** Weekly probability of an upgrade (resp. downgrade) at health 0; × exp(±0.8·h). */
export const PLAN_CHANGE_RATE = 0.003;
export const PLAN_CHANGE_HEALTH_SLOPE = 0.8;
