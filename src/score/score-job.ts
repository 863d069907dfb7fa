/**
 * The nightly batch job behind `healthscore score`: features at the as-of date (arquero or DuckDB),
 * schema guard, drift check (PSI against the training distribution saved with the model), scoring
 * in chunks with progress, manual overrides, crash-safe output (temporary file, then rename), the
 * score history (idempotent per as-of date) and alerts evaluated against it. I/O module.
 */
import type { ColumnTable } from 'arquero';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { ExitCode, UserError } from '../cli/exit.ts';
import type { Log } from '../cli/log.ts';
import { createProgress } from '../cli/progress.ts';
import { readCleanTables } from '../data/clean-store.ts';
import { withDuckDb } from '../data/duckdb-session.ts';
import { ingestFolder } from '../data/ingest-folder.ts';
import { removeStaleTemporaries, writeAtomically } from '../data/atomic-output.ts';
import { buildScoringSnapshot } from '../features/build-feature-set.ts';
import { buildScoringSnapshotSql, locateTable } from '../features/duckdb-engine.ts';
import { loadModelBundle } from '../learn/artifacts/bundle-artifact.ts';
import type { ModelBundle } from '../learn/model-bundle.ts';
import { rawInputs } from '../learn/model-inputs.ts';
import { writeAlertsCsv, writeAlertsJson } from './alerts-output.ts';
import { AlertRules, evaluateAlerts } from './alerts.ts';
import { psi, type FeatureDrift } from './drift.ts';
import { HISTORY_COLUMNS, type HistoryRow, type ModelScoreRow } from './history/history-row.ts';
import { appendHistory, readHistory } from './history/score-history.ts';
import { applyOverrides } from './overrides.ts';
import { parseOverrides } from './overrides-file.ts';
import { reasonsCell, scoreSnapshot } from './score-snapshot.ts';
import { tierCounts } from './tiers.ts';

export const ScoreJobOptions = z.object({
  model: z.string(),
  /** A data folder (contract files) or an ingest output folder (with tables/). */
  data: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  /** Output file: .csv or .parquet. */
  out: z.string(),
  engine: z.enum(['arquero', 'duckdb']).default('arquero'),
  history: z.string().optional(),
  /** Alerts CSV path (a .json twin is written beside it); needs `history`. */
  alerts: z.string().optional(),
  alertRules: z.string().optional(),
  overrides: z.string().optional(),
  reasons: z.boolean().default(true),
  chunkSize: z.number().int().positive().default(50_000),
  quiet: z.boolean().default(false),
});
export type ScoreJobOptions = z.input<typeof ScoreJobOptions>;

export const ScoreJobSummary = z.object({
  model: z.string(),
  asOf: z.string(),
  customers: z.number().int(),
  tiers: z.record(z.string(), z.number().int()),
  drift: z.array(z.object({ feature: z.string(), psi: z.number(), flagged: z.boolean() })),
  overrides: z.object({ applied: z.number().int(), expired: z.number().int(), unmatched: z.number().int() }),
  alerts: z.number().int().nullable(),
  output: z.string(),
  seconds: z.number(),
});
export type ScoreJobSummary = z.infer<typeof ScoreJobSummary>;

async function snapshotAt(o: z.infer<typeof ScoreJobOptions>, bundle: ModelBundle, asOfMs: number, log: Log): Promise<ColumnTable> {
  const spec = bundle.manifest.featureSpec;
  if (spec === null) throw new UserError(`${o.model} is a tabular model; batch scoring needs a model trained on customer histories`, ExitCode.modelMismatch);
  if (!existsSync(o.data)) throw new UserError(`${o.data}: data folder not found`);
  // The population the model was trained on: e.g. with "subscription ended" churn, customers whose
  // subscriptions all ended are gone and must not be scored.
  const churn = bundle.manifest.churn ?? undefined;
  if (o.engine === 'duckdb') {
    if (locateTable(o.data, 'customers') === null) throw new UserError(`${o.data}: no customers table (customers.csv or tables/customers.parquet)`);
    return (await buildScoringSnapshotSql(o.data, spec, asOfMs, churn)).table;
  }
  if (locateTable(o.data, 'customers')?.format === 'parquet') return buildScoringSnapshot(await readCleanTables(o.data), spec, asOfMs, churn).table;
  // A raw data folder: validate it first, rejecting rows dated at or after the as-of day.
  const clean = mkdtempSync(join(tmpdir(), 'healthscore-score-'));
  try {
    const lastDay = new Date(asOfMs - 1).toISOString().slice(0, 10);
    const summary = await ingestFolder(o.data, clean, { asOf: lastDay, log: { info: () => {}, warn: log.warn } });
    const rejected = summary.tables.reduce((s, t) => s + t.rejected, 0);
    if (rejected > 0) log.warn(`${rejected} input rows rejected during validation (run "healthscore ingest" to see the quarantine files)`);
    return buildScoringSnapshot(await readCleanTables(clean), spec, asOfMs, churn).table;
  } finally {
    rmSync(clean, { recursive: true, force: true });
  }
}

function readOverrides(path: string | undefined) {
  if (path === undefined) return [];
  if (!existsSync(path)) throw new UserError(`${path}: overrides file not found`);
  const parsed = parseOverrides(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new UserError(parsed.problems.join('\n'));
  return parsed.overrides;
}

function readAlertRules(path: string | undefined): z.infer<typeof AlertRules> {
  if (path === undefined) return AlertRules.parse({});
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError(`${path}: not readable JSON (${(error as Error).message})`);
  }
  const parsed = AlertRules.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

async function writeCsv(path: string, rows: readonly HistoryRow[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    const csv = stringify({ header: true, columns: HISTORY_COLUMNS as string[] });
    csv.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
    csv.on('error', reject);
    for (const r of rows) csv.write(HISTORY_COLUMNS.map((c) => r[c]));
    csv.end();
  });
}

const PARQUET_TYPES: Record<(typeof HISTORY_COLUMNS)[number], string> = {
  customer_id: 'VARCHAR',
  as_of: 'VARCHAR',
  churn_probability: 'DOUBLE',
  health_score: 'INTEGER',
  tier: 'VARCHAR',
  reasons: 'VARCHAR',
  model_version: 'VARCHAR',
  model_health_score: 'INTEGER',
  model_tier: 'VARCHAR',
  override: 'VARCHAR',
  override_reason: 'VARCHAR',
  override_author: 'VARCHAR',
};

async function writeScores(path: string, rows: readonly HistoryRow[]): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.parquet') throw new UserError(`--out ${path}: expected a .csv or .parquet file name`);
  await removeStaleTemporaries(path);
  await writeAtomically(path, async (temporary) => {
    if (ext === '.csv') return writeCsv(temporary, rows);
    const staging = `${temporary}.csv`;
    try {
      await writeCsv(staging, rows);
      await withDuckDb(async (c) => {
        const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
        // Explicit types: auto-detection would make ids like 1, 2 integers in one file and text in another.
        const types = HISTORY_COLUMNS.map((c) => `${q(c)}: ${q(PARQUET_TYPES[c])}`).join(', ');
        await c.run(`COPY (SELECT * FROM read_csv(${q(staging)}, header = true, columns = {${types}})) TO ${q(temporary)} (FORMAT parquet)`);
      });
    } finally {
      rmSync(staging, { force: true });
    }
  });
}

export async function runScoreJob(input: ScoreJobOptions, log: Log): Promise<ScoreJobSummary> {
  const o = ScoreJobOptions.parse(input);
  const started = performance.now();
  const asOfMs = Date.parse(`${o.asOf}T00:00:00Z`);
  if (!Number.isFinite(asOfMs)) throw new UserError(`--as-of ${o.asOf}: not a valid date`);
  if (o.alerts !== undefined && o.history === undefined) throw new UserError('--alerts needs --history: alerts compare today with earlier scores');
  if (!['.csv', '.parquet'].includes(extname(o.out).toLowerCase())) throw new UserError(`--out ${o.out}: expected a .csv or .parquet file name`);
  if (!existsSync(dirname(o.out) || '.')) throw new UserError(`--out ${o.out}: folder ${dirname(o.out)} does not exist`);
  const bundle = await loadModelBundle(o.model);
  const overrides = readOverrides(o.overrides);
  const rules = readAlertRules(o.alertRules);
  const version = `${bundle.manifest.name}/${bundle.manifest.version}`;

  const snapshot = await snapshotAt(o, bundle, asOfMs, log);
  const inputs = rawInputs(snapshot, bundle.manifest.inputs);
  if ('problem' in inputs) throw new UserError(`model ${version} does not fit the data: ${inputs.problem}`, ExitCode.modelMismatch);
  const drift: FeatureDrift[] = psi(bundle.manifest.drift, inputs.raw);
  const flagged = drift.filter((x) => x.flagged).sort((a, b) => b.psi - a.psi);
  if (flagged.length > 0) {
    const top = flagged.slice(0, 5).map((d) => `${d.feature} ${d.psi.toFixed(2)}`).join(', ');
    log.warn(`drift: ${flagged.length} feature(s) with PSI > 0.2 against the training data (${top}${flagged.length > 5 ? ', …' : ''}); all in the summary JSON`);
  }

  const n = snapshot.numRows();
  const progress = createProgress({ label: 'scoring', total: n, quiet: o.quiet, log });
  const modelRows: ModelScoreRow[] = [];
  // Chunks bound the working set of the model and its explanations (TreeSHAP keeps per-row paths).
  for (let start = 0; start < n; start += o.chunkSize) {
    const rows = Array.from({ length: Math.min(o.chunkSize, n - start) }, (_, k) => start + k);
    const scored = scoreSnapshot(bundle, snapshot.reify(rows), { reasons: o.reasons });
    if ('problem' in scored) throw new UserError(`model ${version} does not fit the data: ${scored.problem}`, ExitCode.modelMismatch);
    for (let i = 0; i < scored.customerId.length; i++) {
      modelRows.push({
        customer_id: scored.customerId[i],
        as_of: o.asOf,
        churn_probability: scored.churnProbability[i],
        health_score: scored.healthScore[i],
        tier: scored.tier[i],
        reasons: reasonsCell(scored.reasons?.[i]),
        model_version: version,
      });
    }
    progress.tick(rows.length);
  }
  progress.stop();
  const applied = applyOverrides(modelRows, overrides, o.asOf, bundle.manifest.tiers);
  for (const x of applied.unmatched) log.warn(`override for ${x.customer_id} matched no scored customer`);
  await writeScores(o.out, applied.rows);

  let alerts: number | null = null;
  if (o.history !== undefined) {
    await appendHistory(o.history, o.asOf, applied.rows);
    if (o.alerts !== undefined) {
      const found = evaluateAlerts(await readHistory(o.history), o.asOf, rules);
      await writeAlertsCsv(o.alerts, found);
      await writeAlertsJson(o.alerts.replace(/\.csv$/i, '') + '.json', found);
      alerts = found.length;
    }
  }
  const summary: ScoreJobSummary = {
    model: version,
    asOf: o.asOf,
    customers: n,
    tiers: tierCounts(applied.rows.map((r) => r.tier)),
    drift,
    overrides: { applied: applied.applied.length, expired: applied.expired.length, unmatched: applied.unmatched.length },
    alerts,
    output: o.out,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(`${o.out}.summary.json`, JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
