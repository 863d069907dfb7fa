/**
 * The out-of-core engine's SQL, generated from the same resolved plan as the in-memory engine.
 *
 * The generated query reads staged relations named `stg_<table>` whose columns are the contract's,
 * with every date already converted to epoch milliseconds (DOUBLE). Only that staging step is
 * dialect-specific (duckdb-engine.ts does it for DuckDB); the query itself sticks to standard SQL
 * (CASE, COALESCE, FLOOR, MOD, ROUND, COUNT(DISTINCT), RANK/ROW_NUMBER/COUNT OVER, EXISTS), which
 * Spark SQL and Trino also run.
 */
import { CONTRACT, DAY_MS, type TableName } from '../data/contract.ts';
import type { ChurnDefinition } from './churn-definition.ts';
import { isStringValued, missingFlagName, RFM_SEGMENT, type FeaturePlan } from './plan.ts';
import type { AggregateFeature, Filter } from './spec.ts';
import { WEEK_MS } from './aggregate-windows.ts';

export const stagedName = (table: TableName): string => `stg_${table}`;

const num = (x: number): string => {
  const s = String(x);
  return /[.eE]/.test(s) ? `CAST(${s} AS DOUBLE)` : `CAST(${s}.0 AS DOUBLE)`;
};
const str = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const LAST_AGGS = new Set(['last', 'changeFromPrevious', 'daysToAnniversary']);

/** CTEs `cutoffs` and `population` (customer_id, cutoff, signup_date) for the given cutoffs. */
export function populationSql(cutoffs: number[], churn: ChurnDefinition, tables: ReadonlySet<TableName>): string {
  const values = cutoffs.map((c) => `(${num(c)})`).join(', ');
  const churnDates =
    churn.kind === 'explicit'
      ? `SELECT customer_id, churn_date AS churn_at FROM ${stagedName('customers')}`
      : churn.kind === 'subscriptionEnded' && tables.has('subscriptions')
        ? // Latest end date, unless a subscription is still running (blank end date).
          `SELECT customer_id, CASE WHEN COUNT(*) = COUNT(end_date) THEN MAX(end_date) END AS churn_at FROM ${stagedName('subscriptions')} GROUP BY customer_id`
        : `SELECT customer_id, CAST(NULL AS DOUBLE) AS churn_at FROM ${stagedName('customers')}`;
  return `cutoffs(cutoff) AS (VALUES ${values}),
churn_dates AS (${churnDates}),
population AS (
  SELECT c.customer_id, k.cutoff, c.signup_date, d.churn_at
  FROM ${stagedName('customers')} c
  CROSS JOIN cutoffs k
  LEFT JOIN churn_dates d ON d.customer_id = c.customer_id
  WHERE c.signup_date < k.cutoff AND (d.churn_at IS NULL OR d.churn_at >= k.cutoff)
)`;
}

/** The label expression over `population p`: 1 when churned in [T, T + H days). */
export function labelSql(churn: ChurnDefinition, horizonDays: number, tables: ReadonlySet<TableName>): string {
  const until = `p.cutoff + ${num(horizonDays * DAY_MS)}`;
  if (churn.kind !== 'inactivity') {
    return `CASE WHEN p.churn_at >= p.cutoff AND p.churn_at < ${until} THEN 1 ELSE 0 END`;
  }
  const exists = churn.tables
    .filter((t) => tables.has(t))
    .map((t) => {
      const time = CONTRACT[t].timeColumn;
      return `EXISTS (SELECT 1 FROM ${stagedName(t)} x WHERE x.customer_id = p.customer_id AND x.${time} >= p.cutoff AND x.${time} < ${until})`;
    });
  return exists.length === 0 ? '1' : `CASE WHEN ${exists.join(' OR ')} THEN 0 ELSE 1 END`;
}

/**
 * The whole feature query: one row per population row, columns `customer_id`, `cutoff`, `label`
 * (NULL when `horizonDays` is null: a scoring snapshot), then the plan's columns, ordered by
 * cutoff and customer_id.
 */
export function featureSql(
  plan: FeaturePlan,
  tables: ReadonlySet<TableName>,
  options: { cutoffs: number[]; horizonDays: number | null; churn: ChurnDefinition },
): string {
  const ctes: string[] = [populationSql(options.cutoffs, options.churn, tables)];
  const joins: string[] = [];
  const exprs: string[] = [];
  // Windowed and all-history aggregates of a table get separate passes: the all-history join is
  // every row × every later cutoff, so only the cheap aggregates (MAX for "days since") pay for it.
  const byTable = new Map<string, { table: TableName; features: AggregateFeature[] }>();
  for (const f of plan.aggregates) {
    if (LAST_AGGS.has(f.aggregation)) {
      const cte = `last_${f.name}`;
      ctes.push(`${cte} AS (${lastCte(f)})`);
      joins.push(`LEFT JOIN ${cte} ON ${cte}.customer_id = p.customer_id AND ${cte}.cutoff = p.cutoff`);
      exprs.push(...lastExprs(f, cte));
      continue;
    }
    const key = f.window.days === null ? `${f.table}_all` : f.table;
    const group = byTable.get(key) ?? { table: f.table, features: [] };
    group.features.push(f);
    byTable.set(key, group);
  }
  for (const [key, { table, features }] of byTable) {
    const cte = `agg_${key}`;
    ctes.push(`${cte} AS (${groupCte(table, features)})`);
    joins.push(`LEFT JOIN ${cte} ON ${cte}.customer_id = p.customer_id AND ${cte}.cutoff = p.cutoff`);
    for (const f of features) exprs.push(...groupExprs(f, cte));
  }
  for (const f of plan.customer) {
    exprs.push(
      f.source.op === 'tenureDays'
        ? `FLOOR((p.cutoff - p.signup_date) / ${num(DAY_MS)}) AS ${ident(f.name)}`
        : `COALESCE(NULLIF(CAST(cu.${ident(f.source.column)} AS VARCHAR), ''), ${str(f.fill)}) AS ${ident(f.name)}`,
    );
  }
  const label = options.horizonDays === null ? 'CAST(NULL AS DOUBLE)' : `CAST(${labelSql(options.churn, options.horizonDays, tables)} AS DOUBLE)`;
  ctes.push(`base AS (
  SELECT p.customer_id, p.cutoff, ${label} AS label,
    ${exprs.join(',\n    ')}
  FROM population p
  JOIN ${stagedName('customers')} cu ON cu.customer_id = p.customer_id
  ${joins.join('\n  ')}
)`);
  const derived = plan.derived.map((f) => {
    const d = f.derive;
    const c = (n: string) => `base.${ident(n)}`;
    if (d.op === 'ratio') return `(${c(d.of[0])} + 1) / (${c(d.of[1])} + 1) AS ${ident(f.name)}`;
    if (d.op === 'share') return `CASE WHEN ${c(d.of[1])} = 0 THEN ${num(0)} ELSE ${c(d.of[0])} / ${c(d.of[1])} END AS ${ident(f.name)}`;
    if (d.op === 'difference') return `${c(d.of[0])} - ${c(d.of[1])} AS ${ident(f.name)}`;
    const cmp = d.op === 'atLeast' ? '>=' : '<=';
    const missing = plan.aggregates.some((a) => a.name === d.of) ? `base.${ident(`${d.of}__m`)} = 1` : 'FALSE';
    return `CASE WHEN ${missing} THEN ${num(0)} WHEN ${c(d.of)} ${cmp} ${num(d.threshold)} THEN ${num(1)} ELSE ${num(0)} END AS ${ident(f.name)}`;
  });
  ctes.push(`derived AS (SELECT base.*${derived.map((d) => `,\n    ${d}`).join('')}\n  FROM base)`);
  let last = 'derived';
  if (plan.rfm) {
    const n = `COUNT(*) OVER (PARTITION BY cutoff)`;
    const score = (col: string, dir: 'ASC' | 'DESC') =>
      `1 + FLOOR(${num(5)} * (RANK() OVER (PARTITION BY cutoff ORDER BY ROUND(${ident(col)}, 6) ${dir}) - 1) / ${n})`;
    ctes.push(`scored AS (SELECT derived.*,
    ${score(plan.rfm.recency, 'DESC')} AS r_score,
    ${score(plan.rfm.frequency, 'ASC')} AS f_score,
    ${score(plan.rfm.monetary, 'ASC')} AS m_score
  FROM derived)`);
    // The segment grid of rfm-scores.ts `rfmSegment`.
    ctes.push(`rfm AS (SELECT scored.*, r_score + f_score + m_score AS rfm_score,
    CASE WHEN r_score >= 4 AND f_score >= 4 THEN 'champions'
         WHEN r_score >= 3 AND f_score >= 3 THEN 'loyal'
         WHEN f_score >= 3 THEN 'at_risk'
         WHEN r_score >= 3 THEN 'promising'
         ELSE 'hibernating' END AS ${RFM_SEGMENT}
  FROM scored)`);
    last = 'rfm';
  }
  const kinds = new Map(plan.columns.map((c) => [c.name, c.kind]));
  const select = plan.columns.map((c) =>
    kinds.get(c.name) === 'categorical' ? ident(c.name) : `CAST(${ident(c.name)} AS DOUBLE) AS ${ident(c.name)}`,
  );
  return `WITH ${ctes.join(',\n')}
SELECT customer_id, cutoff, label, ${select.join(', ')}
FROM ${last}
ORDER BY cutoff, customer_id`;
}

/** Window condition on row `x` of table `f.table` for population row `p`. */
function windowCond(f: AggregateFeature): string {
  const time = `x.${CONTRACT[f.table].timeColumn}`;
  const end = windowEnd(f);
  const parts = [`${time} < ${end}`];
  if (f.window.days !== null) parts.push(`${time} >= ${end} - ${num(f.window.days * DAY_MS)}`);
  for (const flt of f.filter) parts.push(filterSql(flt, end));
  return parts.join(' AND ');
}

const windowEnd = (f: AggregateFeature): string =>
  f.window.offsetDays === 0 ? 'p.cutoff' : `(p.cutoff - ${num(f.window.offsetDays * DAY_MS)})`;

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

/** One pass over a table's rows joined to the population, for all its windowed aggregates. */
function groupCte(table: TableName, features: AggregateFeature[]): string {
  const time = `x.${CONTRACT[table].timeColumn}`;
  const spans = features.map((f) => (f.window.days === null ? Infinity : (f.window.days + f.window.offsetDays) * DAY_MS));
  const maxSpan = Math.max(...spans);
  const minOffset = Math.min(...features.map((f) => f.window.offsetDays)) * DAY_MS;
  const range = [`${time} < p.cutoff - ${num(minOffset)}`];
  if (maxSpan !== Infinity) range.push(`${time} >= p.cutoff - ${num(maxSpan)}`);
  const cols = features.flatMap((f) => groupAggs(f));
  return `SELECT p.customer_id, p.cutoff,
    ${cols.join(',\n    ')}
  FROM population p
  JOIN ${stagedName(table)} x ON x.customer_id = p.customer_id AND ${range.join(' AND ')}
  GROUP BY p.customer_id, p.cutoff`;
}

function groupAggs(f: AggregateFeature): string[] {
  const cond = windowCond(f);
  const n = (suffix: string) => ident(`${f.name}__${suffix}`);
  const v = valueSql(f);
  switch (f.aggregation) {
    case 'count':
      return [`COUNT(CASE WHEN ${cond} THEN 1 END) AS ${n('v')}`];
    case 'sum':
    case 'mean':
      return [`SUM(CASE WHEN ${cond} THEN ${v} END) AS ${n('s')}`, `COUNT(CASE WHEN ${cond} THEN ${v} END) AS ${n('k')}`];
    case 'distinctDays':
      return [`COUNT(DISTINCT CASE WHEN ${cond} THEN FLOOR(x.${CONTRACT[f.table].timeColumn} / ${num(DAY_MS)}) END) AS ${n('v')}`];
    case 'distinctValues':
      return [`COUNT(DISTINCT CASE WHEN ${cond} THEN ${v} END) AS ${n('v')}`];
    case 'daysSinceLast':
      return [`MAX(CASE WHEN ${cond} THEN x.${CONTRACT[f.table].timeColumn} END) AS ${n('t')}`];
    case 'weeklySlope': {
      // OLS slope of weekly counts = Σ over rows of (week − mean week) / Sxx (see aggregate-windows.ts).
      const weeks = (f.window.days ?? 0) / 7;
      const from = `${windowEnd(f)} - ${num((f.window.days ?? 0) * DAY_MS)}`;
      const week = `FLOOR((x.${CONTRACT[f.table].timeColumn} - (${from})) / ${num(WEEK_MS)})`;
      return [`SUM(CASE WHEN ${cond} THEN (${week} - ${num((weeks - 1) / 2)}) / ${num((weeks * (weeks * weeks - 1)) / 12)} END) AS ${n('v')}`];
    }
    default:
      throw new Error(`${f.aggregation} is computed by lastCte`);
  }
}

/** The final expressions (value, hidden `__m` missing indicator, optional flag) of a grouped aggregate. */
function groupExprs(f: AggregateFeature, cte: string): string[] {
  const c = (suffix: string) => `${cte}.${ident(`${f.name}__${suffix}`)}`;
  const fill = typeof f.fill === 'number' ? num(f.fill) : num(0);
  let value: string;
  let missing: string;
  switch (f.aggregation) {
    case 'sum':
      value = `COALESCE(${c('s')}, ${num(0)})`;
      missing = `COALESCE(${c('k')}, 0) = 0`;
      break;
    case 'mean':
      value = `CASE WHEN COALESCE(${c('k')}, 0) = 0 THEN ${fill} ELSE ${c('s')} / ${c('k')} END`;
      missing = `COALESCE(${c('k')}, 0) = 0`;
      break;
    case 'daysSinceLast': {
      const cap = num(f.cap ?? 1e9);
      const days = `FLOOR((${windowEnd(f)} - ${c('t')}) / ${num(DAY_MS)})`;
      value = `CASE WHEN ${c('t')} IS NULL THEN ${cap} WHEN ${days} > ${cap} THEN ${cap} ELSE ${days} END`;
      missing = `${c('t')} IS NULL`;
      break;
    }
    case 'weeklySlope':
      value = `COALESCE(${c('v')}, ${num(0)})`;
      missing = 'FALSE';
      break;
    default:
      value = `COALESCE(${c('v')}, 0)`;
      missing = `COALESCE(${c('v')}, 0) = 0`;
  }
  return flagged(f, value, missing);
}

function flagged(f: AggregateFeature, value: string, missing: string): string[] {
  const out = [`${value} AS ${ident(f.name)}`, `CASE WHEN ${missing} THEN 1 ELSE 0 END AS ${ident(`${f.name}__m`)}`];
  if (f.missingFlag) out.push(`CASE WHEN ${missing} THEN 1 ELSE 0 END AS ${ident(missingFlagName(f.name))}`);
  return out;
}

/** The two latest kept rows with a value, by (time desc, value desc), as columns v1, v2. */
function lastCte(f: AggregateFeature): string {
  const time = `x.${CONTRACT[f.table].timeColumn}`;
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
