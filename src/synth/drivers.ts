/**
 * The true churn mechanism of the synthetic data, for checking a fitted model against it. Every input
 * but the hidden health h comes from rows the generator writes, as of the week's start, so point-in-time
 * features can learn the signs below; h's own term is small because h already drives what the files show.
 */
import { z } from 'zod';

/**
 * The coefficients of η. Each week an active customer churns with probability σ(η), where
 *
 *   η = intercept
 *     + loginLevel    · ln((logins in the last 28 days + 1) / (the segment's usual 28-day logins + 1))
 *     + loginTrend    · ln((logins in the last 28 days + 1) / (logins in the 28 days before + 1))
 *     + severeTickets · (high or urgent tickets opened in the last 91 days)
 *     + nps           · (last NPS answer − 7)          (0 while the customer has never answered)
 *     + tenure        · ln(1 + tenure in months)
 *     + annual        · (1 if the plan is billed annually, else 0)
 *     + latentHealth  · h                               (the hidden health, not in the files)
 *
 * They give a monthly churn rate of about 3 %.
 */
export const CHURN_HAZARD = {
  intercept: -4.85,
  loginLevel: -1.0,
  loginTrend: -0.6,
  severeTickets: 0.55,
  nps: -0.18,
  tenure: -0.4,
  annual: -0.9,
  latentHealth: -0.4,
} as const;
export type ChurnHazardTerm = Exclude<keyof typeof CHURN_HAZARD, 'intercept'>;

export const ChurnDriver = z.object({
  /** A key of CHURN_HAZARD. */
  term: z.string(),
  /** What to measure, in the files' terms. */
  measure: z.string(),
  /** +1: more of the measure raises churn; −1: it lowers churn. */
  sign: z.union([z.literal(1), z.literal(-1)]),
  statement: z.string(),
  /** Whether the generated files show it (the latent health they do not). */
  observable: z.boolean(),
});
export type ChurnDriver = z.infer<typeof ChurnDriver>;

/** The drivers, each with the sign of its coefficient (its effect on churn), for tests and the docs. */
export const TRUE_CHURN_DRIVERS: readonly ChurnDriver[] = (
  [
    {
      term: 'loginLevel',
      measure: 'login events in the last 28 days (relative to the segment: smb < mid < enterprise)',
      statement: 'fewer logins than usual for the segment raise churn',
      observable: true,
    },
    {
      term: 'loginTrend',
      measure: 'logins in the last 28 days versus the 28 days before',
      statement: 'falling login activity raises churn',
      observable: true,
    },
    {
      term: 'severeTickets',
      measure: 'tickets with priority high or urgent opened in the last 91 days',
      statement: 'more high/urgent tickets raise churn',
      observable: true,
    },
    {
      term: 'nps',
      measure: 'the most recent NPS answer',
      statement: 'low NPS raises churn',
      observable: true,
    },
    {
      term: 'tenure',
      measure: 'months since signup_date',
      statement: 'longer tenure lowers churn',
      observable: true,
    },
    {
      term: 'annual',
      measure: 'plan billed annually (plan name ends in -annual)',
      statement: 'annual plans churn less',
      observable: true,
    },
    {
      term: 'latentHealth',
      measure: 'hidden health (only in the --truth file)',
      statement: 'healthier customers churn less, beyond what the files show',
      observable: false,
    },
  ] as const
).map((d): ChurnDriver => ({ ...d, sign: CHURN_HAZARD[d.term] > 0 ? 1 : -1 }));

/** The hazard's inputs for one customer-week, as defined above. */
export type ChurnInputs = Record<ChurnHazardTerm, number>;

/** CHURN_HAZARD's terms in its key order, which is the order η adds them in. */
const TERMS = Object.keys(CHURN_HAZARD).filter((k): k is ChurnHazardTerm => k !== 'intercept');
/** Tenure and annual billing only ever lower churn, so they cannot be a cause. */
const CAUSES: readonly ChurnHazardTerm[] = ['loginLevel', 'loginTrend', 'severeTickets', 'nps', 'latentHealth'];

/** η, the weekly churn log-odds. */
export function churnLogOdds(x: ChurnInputs): number {
  let eta: number = CHURN_HAZARD.intercept;
  for (const term of TERMS) eta += CHURN_HAZARD[term] * x[term];
  return eta;
}

/** The term that pushed η up the most this week (the churn "cause" in the truth file), or 'baseline'. */
export function dominantDriver(x: ChurnInputs): ChurnHazardTerm | 'baseline' {
  let best: ChurnHazardTerm | 'baseline' = 'baseline';
  let bestPush = 0.25;
  for (const term of CAUSES) {
    const push = CHURN_HAZARD[term] * x[term];
    if (push > bestPush) {
      best = term;
      bestPush = push;
    }
  }
  return best;
}
