/**
 * One definition, two engines: the in-memory engine (arquero tables, typed-array kernels) and the
 * SQL engine (generated SQL run by DuckDB on Parquet/CSV files) must produce the same table,
 * numbers within 1e-9, on random histories, on the committed sample and on the CDNOW log.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnTable } from 'arquero';
import { afterAll, describe, expect, it } from 'vitest';
import { readCdnow } from '../../src/data/adapters/cdnow.ts';
import { writeCleanTables } from '../../src/data/clean-store.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';
import { buildFeatureSet, buildScoringSnapshot, type FeatureSet } from '../../src/features/build-feature-set.ts';
import type { LabelOptionsInput } from '../../src/features/churn-definition.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { buildFeatureSetSql, buildScoringSnapshotSql } from '../../src/features/duckdb-engine.ts';
import { FeatureSpec } from '../../src/features/spec.ts';
import { describeShared, REPO_ROOT, sharedPath } from '../support/shared-data.ts';
import { writeContractCsv, writeContractParquet } from './contract-files.ts';
import { randomHistory } from './random-history.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hs-parity-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Number of cells that differ (numbers by more than 1e-9), with the first few described. */
function differences(a: ColumnTable, b: ColumnTable): string[] {
  expect(b.columnNames()).toEqual(a.columnNames());
  expect(b.numRows()).toBe(a.numRows());
  const out: string[] = [];
  for (const c of a.columnNames()) {
    const x = a.array(c) as ArrayLike<unknown>;
    const y = b.array(c) as ArrayLike<unknown>;
    for (let i = 0; i < x.length; i++) {
      const same = typeof x[i] === 'number' && typeof y[i] === 'number' ? Math.abs((x[i] as number) - (y[i] as number)) <= 1e-9 : x[i] === y[i];
      if (!same) out.push(`${c} row ${i}: ${String(x[i])} vs ${String(y[i])}`);
    }
  }
  return out;
}

function expectParity(memory: FeatureSet, sql: FeatureSet): void {
  expect(differences(memory.table, sql.table).slice(0, 10)).toEqual([]);
  expect(sql.summary.cutoffs).toEqual(memory.summary.cutoffs);
  expect(sql.dictionary).toEqual(memory.dictionary);
}

const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
const CUTOFFS = [d('2023-04-01'), d('2023-08-01'), d('2024-01-01'), d('2024-06-01'), d('2024-08-01')];

describe('engine parity on random histories', () => {
  const data = randomHistory(11, 80);
  const parquetDir = scratch();
  const csvDir = scratch();
  writeContractCsv(data, csvDir);

  for (const churn of [
    { kind: 'explicit' as const },
    { kind: 'subscriptionEnded' as const },
    { kind: 'inactivity' as const, tables: ['transactions' as const, 'events' as const] },
  ]) {
    it(`agrees on Parquet input with ${churn.kind} churn`, async () => {
      if (!existsSync(join(parquetDir, 'tables'))) await writeContractParquet(data, parquetDir);
      const options: LabelOptionsInput = { cutoffs: CUTOFFS, horizonDays: 60, churn };
      expectParity(buildFeatureSet(data, DEFAULT_FEATURE_SPEC, options), await buildFeatureSetSql(parquetDir, DEFAULT_FEATURE_SPEC, options));
    });
  }

  it('agrees on raw contract CSV input', async () => {
    const options: LabelOptionsInput = { cutoffs: CUTOFFS, horizonDays: 90, churn: { kind: 'explicit' } };
    expectParity(buildFeatureSet(data, DEFAULT_FEATURE_SPEC, options), await buildFeatureSetSql(csvDir, DEFAULT_FEATURE_SPEC, options));
  });

  it('agrees on the scoring snapshot', async () => {
    expectParity(
      buildScoringSnapshot(data, DEFAULT_FEATURE_SPEC, d('2024-03-15')),
      await buildScoringSnapshotSql(csvDir, DEFAULT_FEATURE_SPEC, d('2024-03-15')),
    );
  });
});

/**
 * Aggregates the default spec leaves out but the SQL compiles differently: distinct counts under
 * row filters, over all history and with an offset (first-occurrence marks instead of
 * COUNT(DISTINCT)), additive all-history aggregates with filters and offsets (cumulative buckets),
 * and a distinct count whose filter depends on the window end (kept as COUNT(DISTINCT)).
 */
const SQL_SHAPES_SPEC: FeatureSpec = (() => {
  const about = { description: 'parity case', direction: 'unknown', dimension: 'activity' } as const;
  const aggregates = [
    { name: 'login_days_30d', table: 'events', aggregation: 'distinctDays', window: { days: 30 }, filter: [{ op: 'eq', column: 'event_type', value: 'login' }] },
    { name: 'event_types_7d_prev', table: 'events', aggregation: 'distinctValues', value: { column: 'event_type' }, window: { days: 7, offsetDays: 3 }, filter: [{ op: 'in', column: 'event_type', values: ['login', 'report'] }] },
    { name: 'active_days_all', table: 'events', aggregation: 'distinctDays' },
    { name: 'event_types_all_prev', table: 'events', aggregation: 'distinctValues', value: { column: 'event_type' }, window: { days: null, offsetDays: 45 } },
    { name: 'logins_all', table: 'events', aggregation: 'count', filter: [{ op: 'eq', column: 'event_type', value: 'login' }] },
    { name: 'amount_all_prev', table: 'transactions', aggregation: 'sum', value: { column: 'amount' }, window: { days: null, offsetDays: 90 } },
    { name: 'mean_amount_all', table: 'transactions', aggregation: 'mean', value: { column: 'amount' }, fill: -1 },
    { name: 'days_since_purchase_prev', table: 'transactions', aggregation: 'daysSinceLast', window: { days: null, offsetDays: 30 }, cap: 400 },
    { name: 'priorities_all', table: 'tickets', aggregation: 'distinctValues', value: { column: 'priority' } },
    { name: 'nps_values_180d', table: 'surveys', aggregation: 'distinctValues', value: { column: 'nps' }, window: { days: 180 } },
    { name: 'open_ticket_days_90d', table: 'tickets', aggregation: 'distinctDays', window: { days: 90 }, filter: [{ op: 'openAt', column: 'closed_at' }] },
  ].map((f) => ({ ...about, ...f }));
  return FeatureSpec.parse({ aggregates });
})();

describe('engine parity on the SQL shapes of distinct and all-history aggregates', () => {
  const data = randomHistory(23, 60);
  const dir = scratch();
  // Cutoffs at 13:00 UTC, so window bounds cut through days.
  const cutoffs = [d('2023-05-01'), d('2023-11-15'), d('2024-03-01'), d('2024-07-20')].map((t) => t + 13 * 3_600_000);

  it('agrees on Parquet input', async () => {
    await writeContractParquet(data, dir);
    const options: LabelOptionsInput = { cutoffs, horizonDays: 60, churn: { kind: 'explicit' } };
    const memory = buildFeatureSet(data, SQL_SHAPES_SPEC, options);
    expect(memory.table.numRows()).toBeGreaterThan(0);
    expectParity(memory, await buildFeatureSetSql(dir, SQL_SHAPES_SPEC, options));
  });
});

const sampleDir = join(REPO_ROOT, 'data', 'sample');
const describeSample = existsSync(join(sampleDir, 'customers.csv')) ? describe : describe.skip;
describeSample('engine parity on data/sample', () => {
  it('agrees at monthly cutoffs with explicit churn', async () => {
    const { readContractCsv } = await import('./read-contract-csv.ts');
    const data: CustomerData = await readContractCsv(sampleDir);
    const sig = data.customers.array('signup_date') as ArrayLike<number>;
    const first = Math.min(...Array.from(sig));
    const start = new Date(first + 120 * 86_400_000);
    const cutoffs = [0, 3, 6, 9].map((k) => Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1));
    const options: LabelOptionsInput = { cutoffs, horizonDays: 90, churn: { kind: 'explicit' } };
    const memory = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, options);
    expect(memory.table.numRows()).toBeGreaterThan(0);
    expectParity(memory, await buildFeatureSetSql(sampleDir, DEFAULT_FEATURE_SPEC, options));
  }, 60_000);
});

describeShared(['cdnow', 'CDNOW_master.txt'], 'engine parity on CDNOW (90-day inactivity churn)', () => {
  it('agrees at 1997-10-01 and 1998-01-01 and matches the reference population and churn rate', async () => {
    const { data } = await readCdnow(sharedPath('cdnow', 'CDNOW_master.txt'));
    const dir = scratch();
    await writeCleanTables(data, dir);
    const options: LabelOptionsInput = {
      cutoffs: [d('1997-10-01'), d('1998-01-01')],
      horizonDays: 90,
      churn: { kind: 'inactivity', tables: ['transactions'] },
    };
    const memory = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, options);
    // ../shared/data/README.md: 23,570 customers at each cutoff, 83% "churned".
    for (const c of memory.summary.cutoffs) {
      expect(c.population).toBe(23_570);
      expect(c.churned / c.labelled).toBeGreaterThan(0.8);
      expect(c.churned / c.labelled).toBeLessThan(0.87);
    }
    expectParity(memory, await buildFeatureSetSql(dir, DEFAULT_FEATURE_SPEC, options));
  }, 60_000);
});
