/**
 * The declarative feature spec, the one definition both engines (in memory and SQL) read. Point-in-time
 * rule of every aggregation: a row counts only if its time column is strictly before the window end
 * (cutoff T − `offsetDays`) and, for a bounded window, at or after the window end − `days`.
 */
import { z } from 'zod';
import { Dimension, Direction } from './dictionary.ts';
import { TableName } from '../data/contract.ts';

/** Window before the cutoff: rows in [T − offset − days, T − offset); `days: null` = all history. */
export const Window = z.object({
  days: z.number().int().positive().nullable(),
  offsetDays: z.number().int().nonnegative().default(0),
});
export type Window = z.infer<typeof Window>;

/**
 * Row filters: `eq`/`in` compare a string column; `openAt` keeps rows whose date column is blank or not
 * before the window end (a ticket still open); `closedBefore`, rows whose date is before it.
 */
export const Filter = z.discriminatedUnion('op', [
  z.object({ op: z.literal('eq'), column: z.string(), value: z.string() }),
  z.object({ op: z.literal('in'), column: z.string(), values: z.array(z.string()).min(1) }),
  z.object({ op: z.literal('openAt'), column: z.string() }),
  z.object({ op: z.literal('closedBefore'), column: z.string() }),
]);
export type Filter = z.infer<typeof Filter>;

/** What a row contributes: a column's value, or whole-or-fractional days between two date columns. */
export const ValueExpr = z.union([
  z.object({ column: z.string() }),
  z.object({ daysBetween: z.tuple([z.string(), z.string()]) }),
]);
export type ValueExpr = z.infer<typeof ValueExpr>;

export const Aggregation = z.enum([
  /** Rows in the window. Missing: 0. */
  'count',
  /** Sum of `value`. Missing: 0. */
  'sum',
  /** Mean of `value`. Missing: `fill`. */
  'mean',
  /** Distinct UTC calendar days with a row. Missing: 0. */
  'distinctDays',
  /** Distinct non-blank values of `value.column`. Missing: 0. */
  'distinctValues',
  /** Whole days from the latest row to the window end, capped at `cap`. Missing: `cap`. */
  'daysSinceLast',
  /** `value` of the latest row (ties: the larger value). Missing: `fill`. */
  'last',
  /** Latest value minus the one before it (ties as `last`). Missing (< 2 rows): `fill`. */
  'changeFromPrevious',
  /** OLS slope of weekly row counts over the window's days / 7 weeks ending at the window end (rows per week, per week). */
  'weeklySlope',
  /** Days from the window end to the next anniversary (every `periodDays`) of `value.column` on the latest row. Missing: `fill`. */
  'daysToAnniversary',
]);
export type Aggregation = z.infer<typeof Aggregation>;

const Describe = {
  description: z.string(),
  direction: Direction,
  dimension: Dimension,
  phrase: z.string().optional(),
  unit: z.string().optional(),
};

export const AggregateFeature = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  table: TableName,
  aggregation: Aggregation,
  window: Window.default({ days: null, offsetDays: 0 }),
  value: ValueExpr.optional(),
  filter: z.array(Filter).default([]),
  /** Value when the window holds no row (see each aggregation for its default meaning). */
  fill: z.union([z.number(), z.string()]).default(0),
  /** For `daysSinceLast`: the cap, also the value when no row exists. */
  cap: z.number().positive().optional(),
  /** Also emit `<name>_missing` (1 when the window held no row). */
  missingFlag: z.boolean().default(false),
  periodDays: z.number().int().positive().optional(),
  ...Describe,
});
export type AggregateFeature = z.infer<typeof AggregateFeature>;

/**
 * Features computed from other features of the same row. `ratio` is (a + 1) / (b + 1), Laplace-smoothed
 * so a zero base is defined (1 = no change); `share` is a / b with 0 when b = 0; `difference` is a − b;
 * `atLeast`/`atMost` are 0/1 flags (0 when the input's missing flag is set).
 */
export const DerivedFeature = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  derive: z.discriminatedUnion('op', [
    z.object({ op: z.literal('ratio'), of: z.tuple([z.string(), z.string()]) }),
    z.object({ op: z.literal('share'), of: z.tuple([z.string(), z.string()]) }),
    z.object({ op: z.literal('difference'), of: z.tuple([z.string(), z.string()]) }),
    z.object({ op: z.literal('atLeast'), of: z.string(), threshold: z.number() }),
    z.object({ op: z.literal('atMost'), of: z.string(), threshold: z.number() }),
  ]),
  ...Describe,
});
export type DerivedFeature = z.infer<typeof DerivedFeature>;

/** Tenure (days from signup to the cutoff) and the customer's own columns at the cutoff. */
export const CustomerFeature = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  source: z.discriminatedUnion('op', [
    z.object({ op: z.literal('tenureDays') }),
    /** A string column of `customers`; blank → `fill`. */
    z.object({ op: z.literal('attribute'), column: z.string() }),
  ]),
  fill: z.string().default('unknown'),
  ...Describe,
});
export type CustomerFeature = z.infer<typeof CustomerFeature>;

/**
 * RFM quintile scores 1–5 within the population at each cutoff, 1 + floor(5 · (customers strictly
 * worse) / population size), and the segment from R and F (Hughes 1994, "Strategic Database
 * Marketing", grid simplified to five cells).
 */
export const RfmSpec = z.object({
  recency: z.string(),
  frequency: z.string(),
  monetary: z.string(),
});
export type RfmSpec = z.infer<typeof RfmSpec>;

export const FeatureSpec = z.object({
  customer: z.array(CustomerFeature).default([]),
  aggregates: z.array(AggregateFeature),
  derived: z.array(DerivedFeature).default([]),
  rfm: RfmSpec.optional(),
});
export type FeatureSpec = z.infer<typeof FeatureSpec>;
export type FeatureSpecInput = z.input<typeof FeatureSpec>;
