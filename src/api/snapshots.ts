/**
 * Point-in-time feature snapshots from code: labelled snapshots at cutoffs for training (the
 * arquero engine of `healthscore features`), and the unlabelled snapshot at one date for scoring.
 */
import type { ColumnTable } from 'arquero';
import { z } from 'zod';
import { buildFeatureSet, buildScoringSnapshot, firstSignup, latestDate } from '../features/build-feature-set.ts';
import { formatIsoDay } from '../data/iso-date.ts';
import { ChurnDefinition } from '../features/churn-definition.ts';
import { autoCutoffs, monthlyCutoffs as monthStarts } from '../features/cutoffs.ts';
import { DEFAULT_FEATURE_SPEC } from '../features/default-spec.ts';
import type { FeatureDictionary } from '../features/dictionary.ts';
import { dayAfter } from '../features/snapshot-population.ts';
import { FeatureSpec } from '../features/spec.ts';
import type { FeatureSetSummary } from '../features/summary.ts';
import { parseArgument } from './argument.ts';
import type { CustomerDataSet } from './customer-data-set.ts';
import { DateInput, epochMs } from './iso-day.ts';

/**
 * Labelled rows for training: one row per customer and cutoff (`customer_id`, `cutoff` in epoch
 * ms, `label` 1 = churned within the horizon, then the features), with the feature dictionary and
 * what the pipeline needs to split and save a model trained on them.
 *
 * @example
 * ```ts
 * import { buildFeatures, readCustomerData, type LabelledSnapshots } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const snapshots: LabelledSnapshots = buildFeatures(data, { cutoffs: ['2024-06-01', '2024-07-01'] });
 * console.log(snapshots.summary?.cutoffs.map((c) => c.cutoff).join(' ')); // => 2024-06-01 2024-07-01
 * ```
 */
export interface LabelledSnapshots {
  /** `'temporal'`: snapshots at cutoffs (split in time); `'tabular'`: one row per customer (split at random). */
  kind: 'temporal' | 'tabular';
  table: ColumnTable;
  dictionary: FeatureDictionary;
  /** Rows, features and, per cutoff, the population, labelled, churned and censored counts. */
  summary: FeatureSetSummary | null;
  /** The label's horizon in days (null in tabular mode). */
  horizonDays: number | null;
  churn: ChurnDefinition | null;
  /** The feature spec the columns were computed with (null in tabular mode). */
  featureSpec: FeatureSpec | null;
  /** Where the rows came from, for messages. */
  source: string;
}

const BuildOptions = z.strictObject({
  cutoffs: z.array(DateInput).min(1).optional(),
  horizonDays: z.number().int().positive().default(90),
  churn: ChurnDefinition.default({ kind: 'explicit' }),
  spec: FeatureSpec.optional(),
});

/**
 * Options of {@link buildFeatures}: `cutoffs` (ISO dates, `Date`s or epoch ms; default the 12
 * month starts the data can label), `horizonDays` (default 90), `churn` (default explicit churn
 * dates) and `spec` (default the built-in feature spec).
 *
 * @example
 * ```ts
 * import type { BuildFeaturesOptions } from 'healthscore';
 * const options: BuildFeaturesOptions = { cutoffs: ['2024-05-01', '2024-06-01'], horizonDays: 60, churn: { kind: 'inactivity', tables: ['events'] } };
 * console.log(options.horizonDays); // => 60
 * ```
 */
export type BuildFeaturesOptions = z.input<typeof BuildOptions>;

/**
 * Point-in-time features and churn labels at each cutoff: only rows dated strictly before a
 * cutoff feed its features; the label says whether the customer churned within `horizonDays`
 * (default 90) after it. Cutoffs whose horizon runs past the end of the data are censored (left
 * out, counted in the summary). Default cutoffs: the 12 month starts that the data can label.
 * `churn` is `{ kind: 'explicit' }` (the `churn_date` column, default), `{ kind: 'subscriptionEnded' }`
 * or `{ kind: 'inactivity', tables: ['transactions'] }`.
 *
 * @throws UserError when the data are too short for any labelled cutoff.
 * @example
 * ```ts
 * import { buildFeatures, monthlyCutoffs, readCustomerData } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const snapshots = buildFeatures(data, { cutoffs: monthlyCutoffs('2024-01-01', '2024-06-01'), horizonDays: 90 });
 * console.log(snapshots.table.columnNames().slice(0, 3).join(',')); // => customer_id,cutoff,label
 * ```
 */
export function buildFeatures(data: CustomerDataSet, options: BuildFeaturesOptions = {}): LabelledSnapshots {
  const o = parseArgument('buildFeatures', 'options', BuildOptions, options);
  const spec = o.spec ?? DEFAULT_FEATURE_SPEC;
  const cutoffs =
    o.cutoffs === undefined
      ? autoCutoffs({ firstSignup: firstSignup(data.tables), dataEnd: dayAfter(latestDate(data.tables)) }, o.horizonDays)
      : o.cutoffs.map(epochMs);
  const set = buildFeatureSet(data.tables, spec, { cutoffs, horizonDays: o.horizonDays, churn: o.churn });
  return { kind: 'temporal', ...set, horizonDays: o.horizonDays, churn: o.churn, featureSpec: spec, source: data.source };
}

/**
 * The unlabelled feature snapshot of every active customer at one date, ready for
 * `model.score(…)`: `table` has `customer_id` and the features, `asOf` the date (ISO).
 *
 * @example
 * ```ts
 * import { readCustomerData, snapshotAt, type ScoringSnapshot } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const snapshot: ScoringSnapshot = snapshotAt(data, '2024-12-01');
 * console.log(snapshot.asOf, snapshot.table.numRows() > 0); // => 2024-12-01 true
 * ```
 */
export interface ScoringSnapshot {
  table: ColumnTable;
  dictionary: FeatureDictionary;
  asOf: string;
}

const SnapshotOptions = z.strictObject({ churn: ChurnDefinition.default({ kind: 'explicit' }), spec: FeatureSpec.optional() });

/**
 * Options of {@link snapshotAt}: `churn`, who counts as churned already (as in training), and the
 * feature `spec`.
 *
 * @example
 * ```ts
 * import type { SnapshotAtOptions } from 'healthscore';
 * const options: SnapshotAtOptions = { churn: { kind: 'subscriptionEnded' } };
 * console.log(options.churn?.kind); // => subscriptionEnded
 * ```
 */
export type SnapshotAtOptions = z.input<typeof SnapshotOptions>;

/**
 * The customers signed up before `asOf` and not churned by then (by `churn`, as in training),
 * with their features computed from rows strictly before `asOf`.
 *
 * @example
 * ```ts
 * import { readCustomerData, snapshotAt } from 'healthscore';
 * const data = await readCustomerData('data/sample');
 * const snapshot = snapshotAt(data, '2024-06-01');
 * console.log(snapshot.table.columnNames().includes('customer_id')); // => true
 * ```
 */
export function snapshotAt(data: CustomerDataSet, asOf: DateInput, options: SnapshotAtOptions = {}): ScoringSnapshot {
  const at = epochMs(parseArgument('snapshotAt', 'asOf', DateInput, asOf));
  const o = parseArgument('snapshotAt', 'options', SnapshotOptions, options);
  const set = buildScoringSnapshot(data.tables, o.spec ?? DEFAULT_FEATURE_SPEC, at, o.churn);
  return { table: set.table, dictionary: set.dictionary, asOf: formatIsoDay(at) };
}

/**
 * The first day of each month from `start` to `end`, both inclusive, as ISO dates: the cutoffs
 * of a stacked training set with one snapshot per customer per month (`everyMonths` spaces them).
 *
 * @example
 * ```ts
 * import { monthlyCutoffs } from 'healthscore';
 * console.log(monthlyCutoffs('2024-01-15', '2024-04-01').join(' ')); // => 2024-02-01 2024-03-01 2024-04-01
 * ```
 */
export function monthlyCutoffs(start: DateInput, end: DateInput, everyMonths = 1): string[] {
  const from = epochMs(parseArgument('monthlyCutoffs', 'start', DateInput, start));
  const to = epochMs(parseArgument('monthlyCutoffs', 'end', DateInput, end));
  const every = parseArgument('monthlyCutoffs', 'everyMonths', z.number().int().positive(), everyMonths);
  return monthStarts(from, to, every).map(formatIsoDay);
}
