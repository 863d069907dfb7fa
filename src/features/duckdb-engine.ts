/**
 * The out-of-core engine's I/O: DuckDB reads the contract tables from their files (the clean store's
 * Parquet, or raw contract CSVs), stages them (dates → epoch ms) and runs sql-engine.ts's SQL,
 * spilling to disk so that event logs larger than RAM work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import * as aq from 'arquero';
import { CONTRACT, TABLE_NAMES, type TableName } from '../data/contract.ts';
import { spillToDisk, sqlIdent, sqlString, withDuckDb } from '../data/duckdb-session.ts';
import { resultColumns } from '../data/result-columns.ts';
import { LabelOptions, type ChurnDefinition, type LabelOptionsInput } from './churn-definition.ts';
import type { FeatureSet } from './build-feature-set.ts';
import { describeFeatures } from './describe-features.ts';
import { planFeatures } from './plan.ts';
import { dayAfter, isCensored } from './snapshot-population.ts';
import type { FeatureSpec } from './spec.ts';
import { featureSql, populationSql } from './sql-engine.ts';
import { stagedName } from './sql-literals.ts';
import { cutoffSummary, featureSetSummary } from './summary.ts';

export interface SqlEngineOptions {
  /** DuckDB worker threads (default: DuckDB's own, all cores). */
  threads?: number;
  /** DuckDB memory limit such as '4GB' before it spills to disk. */
  memoryLimit?: string;
}

/** Where a table's file is: clean store Parquet first, then raw contract CSV; null when absent. */
export function locateTable(dir: string, table: TableName): { path: string; format: 'parquet' | 'csv' } | null {
  for (const folder of [join(dir, 'tables'), dir]) {
    for (const format of ['parquet', 'csv'] as const) {
      const path = join(folder, `${table}.${format}`);
      if (existsSync(path)) return { path, format };
    }
  }
  return null;
}

/** SQL engine twin of `buildFeatureSet`: labelled rows at each uncensored cutoff. */
export async function buildFeatureSetSql(
  dir: string,
  spec: FeatureSpec,
  options: LabelOptionsInput,
  engine: SqlEngineOptions = {},
): Promise<FeatureSet> {
  return run(dir, spec, LabelOptions.parse(options), 'training', engine);
}

/** SQL engine twin of `buildScoringSnapshot`. */
export async function buildScoringSnapshotSql(
  dir: string,
  spec: FeatureSpec,
  asOf: number,
  churn: ChurnDefinition = { kind: 'explicit' },
  engine: SqlEngineOptions = {},
): Promise<FeatureSet> {
  return run(dir, spec, { cutoffs: [asOf], horizonDays: 1, churn }, 'scoring', engine);
}

/** The scoring snapshot at `asOf`, written by DuckDB straight to Parquet (cutoff as a timestamp). */
export async function copyScoringSnapshotSql(
  dir: string,
  spec: FeatureSpec,
  asOf: number,
  out: string,
  churn: ChurnDefinition = { kind: 'explicit' },
  engine: SqlEngineOptions = {},
): Promise<void> {
  await withStagedData(dir, engine, async (conn, tables) => {
    const plan = planFeatures(spec, tables);
    const query = featureSql(plan, tables, { cutoffs: [asOf], horizonDays: null, churn });
    await conn.run(`COPY (SELECT * REPLACE (epoch_ms(CAST(cutoff AS BIGINT)) AS cutoff) FROM (${query}) q) TO ${sqlString(out)} (FORMAT parquet)`);
  });
}

/** An in-memory DuckDB with the data folder staged as `stg_<table>` views, for `work`. */
async function withStagedData<T>(dir: string, engine: SqlEngineOptions, work: (conn: DuckDBConnection, tables: Set<TableName>) => Promise<T>): Promise<T> {
  return withDuckDb(async (conn) => {
    await conn.run(`SET TimeZone = 'UTC'`);
    await spillToDisk(conn, engine.memoryLimit);
    await conn.run(`SET preserve_insertion_order = false`);
    if (engine.threads) await conn.run(`SET threads = ${Math.floor(engine.threads)}`);
    return work(conn, await stageTables(conn, dir));
  });
}

async function run(
  dir: string,
  spec: FeatureSpec,
  opts: LabelOptions,
  mode: 'training' | 'scoring',
  engine: SqlEngineOptions,
): Promise<FeatureSet> {
  return withStagedData(dir, engine, async (conn, tables) => {
    const plan = planFeatures(spec, tables);
    const cutoffs = [...opts.cutoffs].sort((a, b) => a - b);
    const dataEnd = mode === 'scoring' ? null : (opts.dataEnd ?? dayAfter(await latestDateSql(conn, tables)));
    const kept = cutoffs.filter((c) => dataEnd === null || !isCensored(c, opts.horizonDays, dataEnd));
    const sizes = await populationSizes(conn, cutoffs, opts.churn, tables);

    const result = kept.length === 0 ? null : await conn.run(
      featureSql(plan, tables, { cutoffs: kept, horizonDays: mode === 'scoring' ? null : opts.horizonDays, churn: opts.churn }),
    );
    const raw = result ? resultColumns(result) : new Map<string, Float64Array | unknown[]>();
    const numbers = (name: string) => (raw.get(name) ?? new Float64Array(0)) as Float64Array;
    const cols: Record<string, ArrayLike<unknown>> = {
      customer_id: (raw.get('customer_id') ?? []) as string[],
      cutoff: numbers('cutoff'),
      label: Array.from(numbers('label'), (y) => (Number.isNaN(y) ? null : y)),
    };
    for (const c of plan.columns) {
      cols[c.name] = c.kind === 'categorical' ? Array.from((raw.get(c.name) ?? []) as unknown[], String) : numbers(c.name);
    }
    const churnedAt = new Map<number, number>();
    const labels = cols.label as (number | null)[];
    const cut = cols.cutoff as Float64Array;
    for (let i = 0; i < labels.length; i++) churnedAt.set(cut[i], (churnedAt.get(cut[i]) ?? 0) + (labels[i] ?? 0));
    const summaries = cutoffs.map((c) => cutoffSummary(c, sizes.get(c) ?? 0, churnedAt.get(c) ?? 0, !kept.includes(c), mode));
    return {
      table: aq.table(cols),
      dictionary: describeFeatures(plan),
      summary: featureSetSummary({ engine: 'duckdb', mode, opts, dataEnd, rows: cut.length, plan, cutoffs: summaries }, tables),
    };
  });
}

/** Creates `stg_<table>` views with the contract's columns, dates as epoch-ms DOUBLE. */
async function stageTables(conn: DuckDBConnection, dir: string): Promise<Set<TableName>> {
  const present = new Set<TableName>();
  for (const table of TABLE_NAMES) {
    const file = locateTable(dir, table);
    if (!file) continue;
    const source =
      file.format === 'parquet' ? `read_parquet(${sqlString(file.path)})` : `read_csv(${sqlString(file.path)}, header = true, all_varchar = true)`;
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const types = new Map<string, string>();
    for (const row of described.getRowObjectsJS()) types.set(String(row.column_name), String(row.column_type));
    const cols = CONTRACT[table].columns.map((c) => {
      const q = sqlIdent(c.name);
      const type = types.get(c.name);
      if (type === undefined) return `CAST(NULL AS ${c.kind === 'string' ? 'VARCHAR' : 'DOUBLE'}) AS ${q}`;
      if (c.kind === 'string') return `NULLIF(CAST(${q} AS VARCHAR), '') AS ${q}`;
      if (c.kind === 'number') return `CAST(NULLIF(CAST(${q} AS VARCHAR), '') AS DOUBLE) AS ${q}`;
      // Numbers are taken as epoch ms already; text is ISO 8601 (an offset, if any, is honoured).
      if (/^(BIGINT|INTEGER|DOUBLE|HUGEINT|FLOAT|DECIMAL)/.test(type)) return `CAST(${q} AS DOUBLE) AS ${q}`;
      const ts = type === 'VARCHAR' ? `CAST(NULLIF(${q}, '') AS TIMESTAMPTZ)` : `CAST(${q} AS TIMESTAMP)`;
      return `CAST(epoch_ms(${ts}) AS DOUBLE) AS ${q}`;
    });
    await conn.run(`CREATE VIEW ${stagedName(table)} AS SELECT ${cols.join(', ')} FROM ${source}`);
    present.add(table);
  }
  if (!present.has('customers')) throw new Error(`${dir}: no customers table (tables/customers.parquet or customers.csv)`);
  return present;
}

/** First signup and exclusive end of the data (the UTC day after the latest date) of a folder. */
export async function dataRangeSql(dir: string): Promise<{ firstSignup: number; dataEnd: number }> {
  return withStagedData(dir, {}, async (conn, tables) => {
    const first = await conn.runAndReadAll(`SELECT MIN(signup_date) AS m FROM ${stagedName('customers')}`);
    return { firstSignup: Number(first.getRowObjectsJS()[0].m), dataEnd: dayAfter(await latestDateSql(conn, tables)) };
  });
}

async function latestDateSql(conn: DuckDBConnection, tables: ReadonlySet<TableName>): Promise<number> {
  const parts: string[] = [];
  for (const t of tables) {
    // The row-dating column only, as latestDate in build-feature-set.ts (scheduled end dates may lie ahead).
    parts.push(`SELECT MAX("${CONTRACT[t].timeColumn}") AS m FROM ${stagedName(t)}`);
  }
  const reader = await conn.runAndReadAll(`SELECT MAX(m) AS latest FROM (${parts.join(' UNION ALL ')}) d`);
  return Number(reader.getRowObjectsJS()[0].latest);
}

async function populationSizes(
  conn: DuckDBConnection,
  cutoffs: number[],
  churn: ChurnDefinition,
  tables: ReadonlySet<TableName>,
): Promise<Map<number, number>> {
  const reader = await conn.runAndReadAll(
    `WITH ${populationSql(cutoffs, churn, tables)} SELECT cutoff, CAST(COUNT(*) AS DOUBLE) AS n FROM population GROUP BY cutoff`,
  );
  return new Map(reader.getRowObjectsJS().map((r) => [Number(r.cutoff), Number(r.n)]));
}
