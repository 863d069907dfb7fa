/**
 * The in-memory engine: point-in-time features and churn labels from `CustomerData` at one or more
 * cutoffs, rows ordered by (cutoff, customer_id); sql-engine.ts computes the same table from the same
 * spec. Aggregations scan typed arrays sorted by (customer, time), where each window is a contiguous
 * range, rather than arquero group-bys, whose `distinct` over large groups is slow.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { columnValues } from '../data/column-values.ts';
import { CONTRACT, DAY_MS, type TableName } from '../data/contract.ts';
import type { CustomerData } from '../data/customer-data.ts';
import { aggregateWindows } from './aggregate-windows.ts';
import { LabelOptions, type ChurnDefinition, type LabelOptionsInput } from './churn-definition.ts';
import { deriveFeature } from './derive-features.ts';
import { describeFeatures } from './describe-features.ts';
import type { FeatureDictionary } from './dictionary.ts';
import { planFeatures, missingFlagName, RFM_SEGMENT, type FeaturePlan } from './plan.ts';
import { quintileScores, rfmSegment } from './rfm-scores.ts';
import { dayAfter, isCensored, labelsAt, populationAt, subscriptionChurnDates } from './snapshot-population.ts';
import { numberColumn, SortedColumns } from './sorted-columns.ts';
import { sortRows } from './sorted-rows.ts';
import type { FeatureSpec } from './spec.ts';
import { cutoffSummary, featureSetSummary, type CutoffSummary, type FeatureSetSummary } from './summary.ts';

export interface FeatureSet {
  table: ColumnTable;
  dictionary: FeatureDictionary;
  summary: FeatureSetSummary;
}

/** Labelled training rows at each cutoff; censored cutoffs are counted in the summary and left out. */
export function buildFeatureSet(data: CustomerData, spec: FeatureSpec, options: LabelOptionsInput): FeatureSet {
  return build(data, spec, LabelOptions.parse(options), 'training');
}

/** The unlabelled snapshot at `asOf` of every customer signed up and not churned (by `churn`) before it. */
export function buildScoringSnapshot(
  data: CustomerData,
  spec: FeatureSpec,
  asOf: number,
  churn: ChurnDefinition = { kind: 'explicit' },
): FeatureSet {
  return build(data, spec, { cutoffs: [asOf], horizonDays: 1, churn }, 'scoring');
}

function build(data: CustomerData, spec: FeatureSpec, opts: LabelOptions, mode: 'training' | 'scoring'): FeatureSet {
  const present = presentTables(data);
  const plan = planFeatures(spec, present);
  const ids = columnValues(data.customers, 'customer_id') as ArrayLike<string>;
  const customers = sortedCustomers(ids);
  const customerOf = new Map(customers.ids.map((id, c) => [id, c]));
  const signup = inCustomerOrder(numberColumn(data.customers, 'signup_date'), customers.order);

  const sorted = new Map<TableName, SortedColumns>();
  const customerIndex = new Map<TableName, Int32Array>();
  const tableOf = (name: TableName): SortedColumns => {
    let table = sorted.get(name);
    if (!table) {
      const t = data[name] as ColumnTable;
      const idx = customerIndices(columnValues(t, 'customer_id'), customerOf);
      customerIndex.set(name, idx);
      table = new SortedColumns(t, sortRows(idx, numberColumn(t, CONTRACT[name].timeColumn), customers.ids.length));
      sorted.set(name, table);
    }
    return table;
  };

  // Churn dates for the population rule (scoring uses the explicit date only to drop churned customers).
  let churnDate: Float64Array | null = null;
  if (opts.churn.kind === 'explicit') {
    churnDate = inCustomerOrder(numberColumn(data.customers, 'churn_date'), customers.order);
  } else if (opts.churn.kind === 'subscriptionEnded' && data.subscriptions) {
    tableOf('subscriptions');
    churnDate = subscriptionChurnDates(
      customers.ids.length,
      customerIndex.get('subscriptions') as Int32Array,
      numberColumn(data.subscriptions, 'end_date'),
    );
  }
  const activity =
    opts.churn.kind === 'inactivity' ? opts.churn.tables.filter((n) => data[n]).map((n) => tableOf(n).rows) : [];
  const dataEnd = mode === 'scoring' ? null : (opts.dataEnd ?? dayAfter(latestDate(data)));

  const popCustomer: number[] = [];
  const popCutoff: number[] = [];
  const labels: number[] = [];
  const cutoffSummaries: CutoffSummary[] = [];
  for (const cutoff of [...opts.cutoffs].sort((a, b) => a - b)) {
    const pop = populationAt(signup, churnDate, cutoff);
    const censored = dataEnd !== null && isCensored(cutoff, opts.horizonDays, dataEnd);
    let churned = 0;
    if (!censored) {
      const y = mode === 'training' ? labelsAt(pop, cutoff, opts.horizonDays, opts.churn, churnDate, activity) : null;
      pop.forEach((c, r) => {
        popCustomer.push(c);
        popCutoff.push(cutoff);
        labels.push(y ? y[r] : NaN);
        churned += y ? y[r] : 0;
      });
    }
    cutoffSummaries.push(cutoffSummary(cutoff, pop.length, churned, censored, mode));
  }
  const pc = Int32Array.from(popCustomer);
  const pt = Float64Array.from(popCutoff);
  const columns = computeColumns(data, plan, pc, pt, signup, customers.order, tableOf);

  const cols: Record<string, ArrayLike<unknown>> = {
    customer_id: Array.from(pc, (c) => customers.ids[c]),
    cutoff: pt,
    label: labels.map((y) => (Number.isNaN(y) ? null : y)),
  };
  for (const c of plan.columns) cols[c.name] = columns.get(c.name) as ArrayLike<unknown>;
  const summary = featureSetSummary({ engine: 'arquero', mode, opts, dataEnd, rows: pc.length, plan, cutoffs: cutoffSummaries }, present);
  return { table: aq.table(cols), dictionary: describeFeatures(plan), summary };
}

function computeColumns(
  data: CustomerData,
  plan: FeaturePlan,
  pc: Int32Array,
  pt: Float64Array,
  signup: Float64Array,
  customerOrder: Int32Array,
  tableOf: (name: TableName) => SortedColumns,
): Map<string, Float64Array | string[]> {
  const out = new Map<string, Float64Array | string[]>();
  const missing = new Map<string, Uint8Array>();
  for (const f of plan.customer) {
    if (f.source.op === 'tenureDays') {
      out.set(f.name, Float64Array.from(pc, (c, r) => Math.floor((pt[r] - signup[c]) / DAY_MS)));
    } else {
      const raw = data.customers.columnNames().includes(f.source.column)
        ? columnValues(data.customers, f.source.column)
        : null;
      out.set(
        f.name,
        Array.from(pc, (c) => {
          const v = raw ? raw[customerOrder[c]] : null;
          return v === null || v === undefined || v === '' ? f.fill : String(v);
        }),
      );
    }
  }
  for (const f of plan.aggregates) {
    const result = aggregateWindows(f, tableOf(f.table).windowInput(f), pc, pt);
    out.set(f.name, (result.numbers ?? result.strings) as Float64Array | string[]);
    missing.set(f.name, result.missing);
    if (f.missingFlag) out.set(missingFlagName(f.name), Float64Array.from(result.missing));
  }
  for (const f of plan.derived) {
    out.set(
      f.name,
      deriveFeature(
        f,
        (n) => out.get(n) as Float64Array,
        (n) => missing.get(n) ?? null,
      ),
    );
  }
  if (plan.rfm) {
    const n = pc.length;
    const [r, fr, m] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    // Scores are ranks within one cutoff; rows are grouped by cutoff, so score each block.
    for (let lo = 0; lo < n; ) {
      let hi = lo;
      while (hi < n && pt[hi] === pt[lo]) hi++;
      const block = (name: string) => (out.get(name) as Float64Array).subarray(lo, hi);
      r.set(quintileScores(block(plan.rfm.recency), false), lo);
      fr.set(quintileScores(block(plan.rfm.frequency), true), lo);
      m.set(quintileScores(block(plan.rfm.monetary), true), lo);
      lo = hi;
    }
    out.set('r_score', r);
    out.set('f_score', fr);
    out.set('m_score', m);
    out.set('rfm_score', Float64Array.from(r, (v, i) => v + fr[i] + m[i]));
    out.set(RFM_SEGMENT, Array.from(r, (v, i) => rfmSegment(v, fr[i])));
  }
  return out;
}

/** Customer index (−1 when unknown) of each row's customer_id. */
function customerIndices(ids: ArrayLike<unknown>, customerOf: Map<string, number>): Int32Array {
  const out = new Int32Array(ids.length);
  // Rows come in runs of one customer (files are written per customer): look each run up once.
  let last: unknown = undefined;
  let index = -1;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id !== last) {
      last = id;
      index = customerOf.get(id as string) ?? -1;
    }
    out[i] = index;
  }
  return out;
}

function inCustomerOrder(values: Float64Array, order: Int32Array): Float64Array {
  return Float64Array.from(order, (i) => values[i]);
}

/** Customer ids in ascending order (code-unit order, as SQL's byte order for ASCII ids) with their source rows. */
function sortedCustomers(ids: ArrayLike<string>): { ids: string[]; order: Int32Array } {
  const order = Int32Array.from({ length: ids.length }, (_, i) => i).sort((a, b) =>
    ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0,
  );
  return { ids: Array.from(order, (i) => String(ids[i])), order };
}

function presentTables(data: CustomerData): Set<TableName> {
  return new Set((Object.keys(CONTRACT) as TableName[]).filter((n) => data[n] !== undefined));
}

/** The latest row date (each table's time column) in the data, epoch ms. */
export function latestDate(data: CustomerData): number {
  let latest = -Infinity;
  // Only the row-dating columns: a scheduled end or churn date may lie ahead of the observed data.
  for (const name of presentTables(data)) {
    const t = data[name] as ColumnTable;
    const col = CONTRACT[name].timeColumn;
    if (!t.columnNames().includes(col)) continue;
    for (const v of numberColumn(t, col)) if (v > latest) latest = v;
  }
  return latest;
}

/** The earliest signup date (epoch ms) of the customers table. */
export function firstSignup(data: CustomerData): number {
  let first = Infinity;
  for (const v of numberColumn(data.customers, 'signup_date')) if (v < first) first = v;
  return first;
}
