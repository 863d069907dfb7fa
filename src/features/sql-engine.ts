/**
 * The out-of-core engine's SQL, from the same resolved plan as the in-memory engine. It reads staged
 * relations `stg_<table>` (contract columns, dates as epoch-ms DOUBLE; staging is the one dialect-specific
 * step, done in duckdb-engine.ts) and keeps to standard SQL, which Spark SQL and Trino also run.
 */
import { CONTRACT, DAY_MS, type TableName } from '../data/contract.ts';
import type { ChurnDefinition } from './churn-definition.ts';
import { RFM_SEGMENT, type FeaturePlan } from './plan.ts';
import { aggregateSql } from './sql-aggregates.ts';
import { ident, num, stagedName, str } from './sql-literals.ts';

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
  const aggregates = aggregateSql(plan.aggregates, options.cutoffs);
  const ctes: string[] = [populationSql(options.cutoffs, options.churn, tables), ...aggregates.ctes];
  const joins = aggregates.joins;
  const exprs = [...aggregates.exprs];
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
