import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/data/contract.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { planFeatures } from '../../src/features/plan.ts';
import { featureSql, labelSql } from '../../src/features/sql-engine.ts';

const tables = new Set(TABLE_NAMES);
const sql = featureSql(planFeatures(DEFAULT_FEATURE_SPEC, tables), tables, {
  cutoffs: [Date.UTC(2024, 0, 1)],
  horizonDays: 90,
  churn: { kind: 'explicit' },
});

describe('featureSql', () => {
  it('uses no DuckDB-only function, so Spark SQL and Trino can run it', () => {
    for (const fn of ['epoch_ms', 'date_diff', 'datediff', 'strftime', 'list_', 'arg_max', 'QUALIFY', '::', 'LEAST', 'GREATEST']) {
      expect(sql).not.toContain(fn);
    }
    expect(sql).not.toMatch(/\bIF\(/);
  });

  it('keeps rows strictly before the window end', () => {
    expect(sql).toContain('x.timestamp < p.cutoff');
    expect(sql).not.toMatch(/x\.\w+ <= p\.cutoff/);
  });

  it('orders the result by cutoff and customer', () => {
    expect(sql.trimEnd().endsWith('ORDER BY cutoff, customer_id')).toBe(true);
  });
});

describe('labelSql', () => {
  it('labels inactivity with EXISTS over the horizon', () => {
    const s = labelSql({ kind: 'inactivity', tables: ['transactions'] }, 90, tables);
    expect(s).toBe(
      'CASE WHEN EXISTS (SELECT 1 FROM stg_transactions x WHERE x.customer_id = p.customer_id AND x.timestamp >= p.cutoff AND x.timestamp < p.cutoff + CAST(7776000000.0 AS DOUBLE)) THEN 0 ELSE 1 END',
    );
  });
});

describe('featureSql aggregates', () => {
  it('counts distinct days and event types without COUNT(DISTINCT), from first occurrences in the window', () => {
    expect(sql).not.toContain('COUNT(DISTINCT');
    expect(sql).toContain('LAG(x.timestamp) OVER (PARTITION BY x.customer_id ORDER BY x.timestamp)');
    expect(sql).toContain('LAG(x.timestamp) OVER (PARTITION BY x.customer_id, x."event_type" ORDER BY x.timestamp)');
  });

  it('keeps COUNT(DISTINCT) when the filter depends on the window end', () => {
    const f = {
      ...DEFAULT_FEATURE_SPEC.aggregates.find((a) => a.name === 'open_tickets')!,
      name: 'open_ticket_days',
      aggregation: 'distinctDays' as const,
    };
    const text = featureSql(planFeatures({ ...DEFAULT_FEATURE_SPEC, aggregates: [f], derived: [], rfm: undefined }, tables), tables, {
      cutoffs: [Date.UTC(2024, 0, 1)],
      horizonDays: 90,
      churn: { kind: 'explicit' },
    });
    expect(text).toContain('COUNT(DISTINCT CASE WHEN');
    expect(text).not.toContain('LAG(');
  });

  it('adds up all-history aggregates from per-customer buckets between window ends', () => {
    expect(sql).toMatch(/bucket_events_cum_0 AS \(SELECT x\.customer_id, x\.bucket,/);
    expect(sql).toContain('JOIN bucket_events_cum_0 b ON b.customer_id = p.customer_id AND b.bucket <= p.cutoff');
  });
});
