/** The aggregate features' SQL: CTEs keyed by (customer_id, cutoff), their joins and final expressions. */
import { CONTRACT, DAY_MS, WEEK_MS, type TableName } from '../data/contract.ts';
import { isStringValued, missingFlagName } from './plan.ts';
import type { AggregateFeature, Filter } from './spec.ts';
import { ident, num, stagedName, str } from './sql-literals.ts';

export interface AggregateSql {
  ctes: string[];
  /** LEFT JOINs onto `population p`. */
  joins: string[];
  /** Select-list expressions: each feature's value, hidden `<name>__m` missing indicator, optional flag. */
  exprs: string[];
}

const LAST_AGGS = new Set(['last', 'changeFromPrevious', 'daysToAnniversary']);
const ADDITIVE = new Set(['count', 'sum', 'mean', 'daysSinceLast', 'distinctDays', 'distinctValues']);

const endDependent = (f: AggregateFeature): boolean => f.filter.some((flt) => flt.op === 'openAt' || flt.op === 'closedBefore');
const isDistinct = (f: AggregateFeature): boolean => f.aggregation === 'distinctDays' || f.aggregation === 'distinctValues';
const timeOf = (table: TableName): string => `x.${CONTRACT[table].timeColumn}`;

/**
 * The aggregate CTEs over the population at `cutoffs`, in three shapes, by cost:
 * - windowed aggregates of a table: one join of its rows with the population rows whose widest
 *   window holds them, grouped by (customer_id, cutoff);
 * - all-history aggregates that add up (count, sum, mean, latest time, first occurrences): each row goes
 *   into the bucket of the first window end after it, and a window end adds up the buckets at or before
 *   it, instead of joining every row with every later cutoff;
 * - latest / previous values: ROW_NUMBER over the rows before each window end.
 */
export function aggregateSql(aggregates: AggregateFeature[], cutoffs: number[]): AggregateSql {
  const out: AggregateSql = { ctes: [], joins: [], exprs: [] };
  const attach = (cte: string) =>
    out.joins.push(`LEFT JOIN ${cte} ON ${cte}.customer_id = p.customer_id AND ${cte}.cutoff = p.cutoff`);

  const marks = markColumns(aggregates);
  // Only groups with distinct counts read the marked rows: a CTE read once is inlined, so the rest read fewer columns.
  const sourceOf = (table: TableName, features: AggregateFeature[]) =>
    features.some((f) => marks.byFeature.has(f.name)) ? `marked_${table}` : stagedName(table);
  for (const [table, columns] of marks.tables) {
    const time = timeOf(table);
    const lags = columns.map((c) => `LAG(${time}) OVER (PARTITION BY ${c.partition} ORDER BY ${time}) AS ${ident(c.name)}`);
    out.ctes.push(`marked_${table} AS (SELECT x.*,\n    ${lags.join(',\n    ')}\n  FROM ${stagedName(table)} x)`);
  }

  const lastCtes = new Map<string, string>();
  const groups = new Map<string, { table: TableName; offsetDays: number; additive: boolean; features: AggregateFeature[] }>();
  for (const f of aggregates) {
    if (LAST_AGGS.has(f.aggregation)) {
      // Features that rank the same rows by the same order (last NPS, NPS change) share one CTE.
      const key = JSON.stringify([f.table, f.value, f.window, f.filter]);
      let cte = lastCtes.get(key);
      if (cte === undefined) {
        cte = `last_${f.name}`;
        lastCtes.set(key, cte);
        out.ctes.push(`${cte} AS (${lastCte(f)})`);
        attach(cte);
      }
      out.exprs.push(...lastExprs(f, cte));
      continue;
    }
    const additive = f.window.days === null && ADDITIVE.has(f.aggregation) && !endDependent(f);
    const key = additive ? `${f.table}_cum_${f.window.offsetDays}` : f.window.days === null ? `${f.table}_all` : f.table;
    const group = groups.get(key) ?? { table: f.table, offsetDays: f.window.offsetDays, additive, features: [] };
    group.features.push(f);
    groups.set(key, group);
  }
  for (const [key, { table, offsetDays, additive, features }] of groups) {
    const cte = `agg_${key}`;
    const source = sourceOf(table, features);
    if (additive) {
      const ends = [...new Set(cutoffs.map((c) => c - offsetDays * DAY_MS))].sort((a, b) => a - b);
      out.ctes.push(`bucket_${key} AS (${bucketCte(table, source, features, ends, marks.byFeature)})`);
      out.ctes.push(`${cte} AS (${cumulativeCte(`bucket_${key}`, features, offsetDays)})`);
    } else {
      out.ctes.push(`${cte} AS (${groupCte(table, source, features, marks.byFeature)})`);
    }
    attach(cte);
    for (const f of features) out.exprs.push(...groupExprs(f, cte));
  }
  return out;
}

interface MarkColumn {
  name: string;
  partition: string;
}

/**
 * The LAG columns that distinct counts need, shared by features partitioning the same way. Exact
 * distinct counts without COUNT(DISTINCT) (slow on large groups): LAG gives each row the time of
 * the previous row of the same customer and day (or value), and a row counts when it is the first
 * of its day (value) inside the window, i.e. when that previous row is absent or before the window
 * start. Distinct counts whose filter depends on the window end keep COUNT(DISTINCT).
 */
function markColumns(aggregates: AggregateFeature[]): {
  tables: Map<TableName, MarkColumn[]>;
  byFeature: Map<string, string>;
} {
  const tables = new Map<TableName, MarkColumn[]>();
  const byFeature = new Map<string, string>();
  for (const f of aggregates) {
    if (!isDistinct(f) || endDependent(f)) continue;
    const keys = ['x.customer_id'];
    if (f.aggregation === 'distinctValues') keys.push(valueSql(f));
    // Rows the filter drops must not hide a kept row's predecessor, so they get their own partition.
    if (f.filter.length > 0) keys.push(`CASE WHEN ${f.filter.map((flt) => filterSql(flt, '')).join(' AND ')} THEN 1 ELSE 0 END`);
    const partition = keys.join(', ');
    const columns = tables.get(f.table) ?? [];
    let column = columns.find((c) => c.partition === partition);
    if (!column) columns.push((column = { name: `__prev${columns.length}`, partition }));
    tables.set(f.table, columns);
    byFeature.set(f.name, column.name);
  }
  return { tables, byFeature };
}

/** Whether row `x` is the first of its day (distinctDays) or value (distinctValues) at or after `from` (null: ever). */
function firstSql(f: AggregateFeature, mark: string, from: string | null): string {
  const prev = `x.${ident(mark)}`;
  const before = from === null ? '' : ` OR ${prev} < ${from}`;
  if (f.aggregation === 'distinctValues') return `${valueSql(f)} IS NOT NULL AND (${prev} IS NULL${before})`;
  const day = (t: string) => `FLOOR(${t} / ${num(DAY_MS)})`;
  return `(${prev} IS NULL${before} OR ${day(prev)} <> ${day(timeOf(f.table))})`;
}

const windowEnd = (f: AggregateFeature): string =>
  f.window.offsetDays === 0 ? 'p.cutoff' : `(p.cutoff - ${num(f.window.offsetDays * DAY_MS)})`;

const windowStart = (f: AggregateFeature): string | null =>
  f.window.days === null ? null : `${windowEnd(f)} - ${num(f.window.days * DAY_MS)}`;

/** Window condition on row `x` of table `f.table` for population row `p`. */
function windowCond(f: AggregateFeature): string {
  const time = timeOf(f.table);
  const end = windowEnd(f);
  const parts = [`${time} < ${end}`];
  const start = windowStart(f);
  if (start !== null) parts.push(`${time} >= ${start}`);
  for (const flt of f.filter) parts.push(filterSql(flt, end));
  return parts.join(' AND ');
}

function filterSql(flt: Filter, end: string): string {
  const col = `x.${ident(flt.column)}`;
  switch (flt.op) {
    case 'eq':
      return `${col} = ${str(flt.value)}`;
    case 'in':
      return `${col} IN (${flt.values.map(str).join(', ')})`;
    case 'openAt':
      return `(${col} IS NULL OR ${col} >= ${end})`;
    case 'closedBefore':
      return `${col} < ${end}`;
  }
}

function valueSql(f: AggregateFeature): string {
  if (!f.value) return 'NULL';
  if ('daysBetween' in f.value) {
    return `(x.${ident(f.value.daysBetween[1])} - x.${ident(f.value.daysBetween[0])}) / ${num(DAY_MS)}`;
  }
  return `x.${ident(f.value.column)}`;
}

const part = (f: AggregateFeature, suffix: string): string => ident(`${f.name}__${suffix}`);

/** One pass over a table's rows joined to the population, for all its windowed aggregates. */
function groupCte(table: TableName, source: string, features: AggregateFeature[], marks: Map<string, string>): string {
  const time = timeOf(table);
  const spans = features.map((f) => (f.window.days === null ? Infinity : (f.window.days + f.window.offsetDays) * DAY_MS));
  const maxSpan = Math.max(...spans);
  const minOffset = Math.min(...features.map((f) => f.window.offsetDays)) * DAY_MS;
  const range = [`${time} < p.cutoff - ${num(minOffset)}`];
  if (maxSpan !== Infinity) range.push(`${time} >= p.cutoff - ${num(maxSpan)}`);
  const cols = features.flatMap((f) => groupAggs(f, marks.get(f.name)));
  return `SELECT p.customer_id, p.cutoff,
    ${cols.join(',\n    ')}
  FROM population p
  JOIN ${source} x ON x.customer_id = p.customer_id AND ${range.join(' AND ')}
  GROUP BY p.customer_id, p.cutoff`;
}

function groupAggs(f: AggregateFeature, mark: string | undefined): string[] {
  const cond = windowCond(f);
  const v = valueSql(f);
  switch (f.aggregation) {
    case 'count':
      return [`COUNT(CASE WHEN ${cond} THEN 1 END) AS ${part(f, 'v')}`];
    case 'sum':
    case 'mean':
      return [`SUM(CASE WHEN ${cond} THEN ${v} END) AS ${part(f, 's')}`, `COUNT(CASE WHEN ${cond} THEN ${v} END) AS ${part(f, 'k')}`];
    case 'distinctDays':
    case 'distinctValues': {
      if (mark !== undefined) return [`COUNT(CASE WHEN ${cond} AND ${firstSql(f, mark, windowStart(f))} THEN 1 END) AS ${part(f, 'v')}`];
      const what = f.aggregation === 'distinctDays' ? `FLOOR(${timeOf(f.table)} / ${num(DAY_MS)})` : v;
      return [`COUNT(DISTINCT CASE WHEN ${cond} THEN ${what} END) AS ${part(f, 'v')}`];
    }
    case 'daysSinceLast':
      return [`MAX(CASE WHEN ${cond} THEN ${timeOf(f.table)} END) AS ${part(f, 't')}`];
    case 'weeklySlope': {
      // OLS slope of weekly counts = Σ over rows of (week − mean week) / Sxx (see aggregate-windows.ts).
      const weeks = (f.window.days ?? 0) / 7;
      const from = `${windowEnd(f)} - ${num((f.window.days ?? 0) * DAY_MS)}`;
      const week = `FLOOR((${timeOf(f.table)} - (${from})) / ${num(WEEK_MS)})`;
      return [`SUM(CASE WHEN ${cond} THEN (${week} - ${num((weeks - 1) / 2)}) / ${num((weeks * (weeks * weeks - 1)) / 12)} END) AS ${part(f, 'v')}`];
    }
    default:
      throw new Error(`${f.aggregation} is computed by lastCte`);
  }
}

/**
 * Per customer, the partial aggregates of the rows before each window end `ends[i]` and not before
 * `ends[i − 1]` (bucket = ends[i]); rows at or after the last end are left out. Cost: one pass over
 * the table, with a CASE over the (few) window ends per row.
 */
function bucketCte(table: TableName, source: string, features: AggregateFeature[], ends: number[], marks: Map<string, string>): string {
  const time = timeOf(table);
  const bucket = `CASE ${ends.map((e) => `WHEN ${time} < ${num(e)} THEN ${num(e)}`).join(' ')} END`;
  const cols = features.flatMap((f) => {
    const conds = f.filter.map((flt) => filterSql(flt, ''));
    const when = (extra: string[], then: string) => {
      const all = [...conds, ...extra];
      return all.length === 0 ? then : `CASE WHEN ${all.join(' AND ')} THEN ${then} END`;
    };
    const v = valueSql(f);
    switch (f.aggregation) {
      case 'count':
        return [`COUNT(${when([], '1')}) AS ${part(f, 'v')}`];
      case 'sum':
      case 'mean':
        return [`SUM(${when([], v)}) AS ${part(f, 's')}`, `COUNT(${when([], v)}) AS ${part(f, 'k')}`];
      case 'daysSinceLast':
        return [`MAX(${when([], time)}) AS ${part(f, 't')}`];
      default:
        return [`COUNT(${when([firstSql(f, marks.get(f.name) as string, null)], '1')}) AS ${part(f, 'v')}`];
    }
  });
  return `SELECT x.customer_id, x.bucket,
    ${cols.join(',\n    ')}
  FROM (SELECT x.*, ${bucket} AS bucket FROM ${source} x) x
  WHERE x.bucket IS NOT NULL
  GROUP BY x.customer_id, x.bucket`;
}

/** All-history aggregates at each population row: the buckets up to its window end, added up. */
function cumulativeCte(buckets: string, features: AggregateFeature[], offsetDays: number): string {
  const end = offsetDays === 0 ? 'p.cutoff' : `p.cutoff - ${num(offsetDays * DAY_MS)}`;
  const cols = features.flatMap((f) => {
    const c = (suffix: string) => `${suffix === 't' ? 'MAX' : 'SUM'}(b.${part(f, suffix)}) AS ${part(f, suffix)}`;
    if (f.aggregation === 'sum' || f.aggregation === 'mean') return [c('s'), c('k')];
    return [c(f.aggregation === 'daysSinceLast' ? 't' : 'v')];
  });
  return `SELECT p.customer_id, p.cutoff,
    ${cols.join(',\n    ')}
  FROM population p
  JOIN ${buckets} b ON b.customer_id = p.customer_id AND b.bucket <= ${end}
  GROUP BY p.customer_id, p.cutoff`;
}

/** The final expressions (value, hidden `__m` missing indicator, optional flag) of a grouped aggregate. */
function groupExprs(f: AggregateFeature, cte: string): string[] {
  const c = (suffix: string) => `${cte}.${part(f, suffix)}`;
  const fill = typeof f.fill === 'number' ? num(f.fill) : num(0);
  switch (f.aggregation) {
    case 'sum':
    case 'mean': {
      const none = `COALESCE(${c('k')}, 0) = 0`;
      if (f.aggregation === 'sum') return flagged(f, `COALESCE(${c('s')}, ${num(0)})`, none);
      return flagged(f, `CASE WHEN ${none} THEN ${fill} ELSE ${c('s')} / ${c('k')} END`, none);
    }
    case 'daysSinceLast': {
      const cap = num(f.cap ?? 1e9);
      const days = `FLOOR((${windowEnd(f)} - ${c('t')}) / ${num(DAY_MS)})`;
      const value = `CASE WHEN ${c('t')} IS NULL THEN ${cap} WHEN ${days} > ${cap} THEN ${cap} ELSE ${days} END`;
      return flagged(f, value, `${c('t')} IS NULL`);
    }
    case 'weeklySlope':
      return flagged(f, `COALESCE(${c('v')}, ${num(0)})`, 'FALSE');
    default:
      return flagged(f, `COALESCE(${c('v')}, 0)`, `COALESCE(${c('v')}, 0) = 0`);
  }
}

function flagged(f: AggregateFeature, value: string, missing: string): string[] {
  const out = [`${value} AS ${ident(f.name)}`, `CASE WHEN ${missing} THEN 1 ELSE 0 END AS ${ident(`${f.name}__m`)}`];
  if (f.missingFlag) out.push(`CASE WHEN ${missing} THEN 1 ELSE 0 END AS ${ident(missingFlagName(f.name))}`);
  return out;
}

/** The two latest kept rows with a value, by (time desc, value desc), as columns v1, v2. */
function lastCte(f: AggregateFeature): string {
  const time = timeOf(f.table);
  const v = valueSql(f);
  return `SELECT customer_id, cutoff,
    MAX(CASE WHEN rn = 1 THEN v END) AS v1, MAX(CASE WHEN rn = 2 THEN v END) AS v2
  FROM (
    SELECT p.customer_id, p.cutoff, ${v} AS v,
      ROW_NUMBER() OVER (PARTITION BY p.customer_id, p.cutoff ORDER BY ${time} DESC, ${v} DESC) AS rn
    FROM population p
    JOIN ${stagedName(f.table)} x ON x.customer_id = p.customer_id AND ${windowCond(f)} AND ${v} IS NOT NULL
  ) ranked
  WHERE rn <= 2
  GROUP BY customer_id, cutoff`;
}

function lastExprs(f: AggregateFeature, cte: string): string[] {
  const v1 = `${cte}.v1`;
  const v2 = `${cte}.v2`;
  if (isStringValued(f)) {
    return flagged(f, `COALESCE(${v1}, ${str(String(f.fill))})`, `${v1} IS NULL`);
  }
  const fill = typeof f.fill === 'number' ? num(f.fill) : num(0);
  if (f.aggregation === 'last') return flagged(f, `COALESCE(${v1}, ${fill})`, `${v1} IS NULL`);
  if (f.aggregation === 'changeFromPrevious') {
    return flagged(f, `CASE WHEN ${v2} IS NULL THEN ${fill} ELSE ${v1} - ${v2} END`, `${v2} IS NULL`);
  }
  const period = f.periodDays ?? 365;
  const elapsed = `CAST(FLOOR((${windowEnd(f)} - ${v1}) / ${num(DAY_MS)}) AS BIGINT)`;
  return flagged(
    f,
    `CASE WHEN ${v1} IS NULL THEN ${fill} ELSE ${period} - MOD(MOD(${elapsed}, ${period}) + ${period}, ${period}) END`,
    `${v1} IS NULL`,
  );
}
