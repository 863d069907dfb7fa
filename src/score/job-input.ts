/**
 * Where the batch job's rows come from: a feature file streamed by DuckDB, features computed by DuckDB into a
 * temporary Parquet file, or features computed in memory by arquero. I/O module.
 */
import type { ColumnTable } from 'arquero';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { readCleanTables } from '../data/clean-store.ts';
import { ingestFolder } from '../data/ingest-folder.ts';
import type { Log } from '../diagnostics/log.ts';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';
import { buildScoringSnapshot } from '../features/build-feature-set.ts';
import { copyScoringSnapshotSql, locateTable } from '../features/duckdb-engine.ts';
import type { FeatureSpec } from '../features/spec.ts';
import { rawInputs } from '../learn/model-inputs.ts';
import { openFeatureFile, type FeatureFileSource, type ReadHints, type RejectedRow } from './feature-file-source.ts';
import { tableSource, type InputSource } from './input-chunks.ts';
import type { ModelManifest } from './model-bundle.ts';
import type { ScoreJobOptions } from './score-job.ts';

/** The job's options that say where its rows come from. */
type InputOptions = Pick<z.infer<typeof ScoreJobOptions>, 'model' | 'data' | 'features' | 'engine'>;

/** The feature spec and data folder to compute features from; a tabular model has no spec. */
function historyInputs(o: InputOptions, manifest: ModelManifest): { spec: FeatureSpec; data: string } {
  const spec = manifest.featureSpec;
  if (spec === null) throw new UserError(`${o.model} is a tabular model; batch scoring needs a model trained on customer histories`, ExitCode.modelMismatch);
  if (o.data === undefined || !existsSync(o.data)) throw new UserError(`${o.data ?? '--data'}: data folder not found`);
  return { spec, data: o.data };
}

async function snapshotAt(o: InputOptions, manifest: ModelManifest, asOfMs: number, log: Log): Promise<ColumnTable> {
  const { spec, data } = historyInputs(o, manifest);
  // The population the model was trained on: e.g. with "subscription ended" churn, ended customers are not scored.
  const churn = manifest.churn ?? undefined;
  if (locateTable(data, 'customers')?.format === 'parquet') return buildScoringSnapshot(await readCleanTables(data), spec, asOfMs, churn).table;
  // A raw data folder: validate it first, rejecting rows dated at or after the as-of day.
  const clean = mkdtempSync(join(tmpdir(), 'healthscore-score-'));
  try {
    const lastDay = new Date(asOfMs - 1).toISOString().slice(0, 10);
    const summary = await ingestFolder(data, clean, { asOf: lastDay, log: { info: () => {}, warn: log.warn } });
    // Rows dated after the as-of day are left out by design; only other rejections are news. A row counts once:
    // as later when its cells parse and its date is after the day (validation dates only such rows), else as rejected.
    const later = summary.tables.reduce((s, t) => s + (t.reasons.after_as_of ?? 0), 0);
    const rejected = summary.tables.reduce((s, t) => s + t.rejected, 0) - later;
    if (later > 0) log.info(`${later} input rows dated after ${lastDay} left out`);
    if (rejected > 0) {
      const folder = /[\s"']/.test(data) ? JSON.stringify(data) : data;
      log.warn(`${rejected} input rows rejected during validation; their quarantine files: healthscore ingest --data ${folder} --as-of ${lastDay} --out DIR`);
    }
    return buildScoringSnapshot(await readCleanTables(clean), spec, asOfMs, churn).table;
  } finally {
    rmSync(clean, { recursive: true, force: true });
  }
}

/** An opened input and how to release it (DuckDB connection, temporary files). */
export interface OpenedSource {
  source: InputSource;
  /** The user's feature file, whose rows the summary accounts for; null when features were computed. */
  file: FeatureFileSource | null;
  close(): void;
}

/** What the feature file reader may expect: the training levels of each categorical input. */
export function readHints(manifest: ModelManifest): ReadHints {
  const labels = new Map<string, readonly string[]>();
  for (const f of manifest.preprocessing.features) if (f.type === 'categorical') labels.set(f.name, f.levels);
  return { labels };
}

/** The rows at the as-of date, in chunks: from a feature file, or features computed from raw data. */
export async function openJobInput(
  o: InputOptions,
  manifest: ModelManifest,
  asOfMs: number,
  log: Log,
  onReject: (r: RejectedRow) => void,
  threads: number,
): Promise<OpenedSource> {
  if (o.features !== undefined) {
    if (!existsSync(o.features)) throw new UserError(`--features ${o.features}: file not found`);
    const file = await openFeatureFile(o.features, manifest.inputs, asOfMs, onReject, readHints(manifest), threads);
    return { source: file, file, close: () => file.close() };
  }
  if (o.engine === 'duckdb') return computedFeatureFile(o, manifest, asOfMs, onReject, threads);
  const snapshot = await snapshotAt(o, manifest, asOfMs, log);
  const inputs = rawInputs(snapshot, manifest.inputs);
  if ('problem' in inputs) throw new UserError(`model ${manifest.name}/${manifest.version} does not fit the data: ${inputs.problem}`, ExitCode.modelMismatch);
  return { source: tableSource(snapshot, manifest.inputs), file: null, close: () => {} };
}

/** The DuckDB engine's features, written to a temporary Parquet file and streamed: memory stays bounded. */
async function computedFeatureFile(
  o: InputOptions,
  manifest: ModelManifest,
  asOfMs: number,
  onReject: (r: RejectedRow) => void,
  threads: number,
): Promise<OpenedSource> {
  const { spec, data } = historyInputs(o, manifest);
  if (locateTable(data, 'customers') === null) throw new UserError(`${data}: no customers table (customers.csv or tables/customers.parquet)`);
  const dir = mkdtempSync(join(tmpdir(), 'healthscore-snapshot-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const path = join(dir, 'features.parquet');
    await copyScoringSnapshotSql(data, spec, asOfMs, path, manifest.churn ?? undefined, { threads });
    const file = await openFeatureFile(path, manifest.inputs, asOfMs, onReject, readHints(manifest), threads);
    return {
      source: file,
      file: null,
      close: () => {
        file.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
