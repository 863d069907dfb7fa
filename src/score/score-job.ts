/**
 * The nightly batch job behind `healthscore score`: features at the as-of date (arquero or DuckDB),
 * schema guard, drift check (PSI against the training distribution saved with the model), scoring
 * in chunks with progress, manual overrides, crash-safe output (temporary file, then rename), the
 * score history (idempotent per as-of date) and alerts evaluated against it. I/O module.
 */
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { z } from 'zod';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';
import type { Log } from '../diagnostics/log.ts';
import { createProgress } from '../diagnostics/progress.ts';
import { defaultThreads, workerPool } from '../parallel/pool.ts';
import { sqlString, withDuckDb } from '../data/duckdb-session.ts';
import { removeStaleTemporaries, writeAtomically } from '../data/atomic-output.ts';
import { csvField } from '../data/csv-field.ts';
import { readJsonFile } from '../data/json-file.ts';
import { FeatureEngine } from '../features/summary.ts';
import { loadModelBundle, readModelManifest } from './bundle-artifact.ts';
import type { ModelBundle } from './model-bundle.ts';
import { writeAlertsCsv, writeAlertsJson } from './alerts-output.ts';
import { AlertRules } from './alerts.ts';
import type { FeatureDrift } from './drift.ts';
import { DriftCounts } from './drift-counts.ts';
import { DUCKDB_CHUNK, type RejectedRow } from './feature-file-source.ts';
import { historyAlerts } from './history/history-alerts.ts';
import { appendHistoryFile, scoresFileSelect } from './history/score-history.ts';
import type { InputSource } from './input-chunks.ts';
import { openJobInput } from './job-input.ts';
import { activeOverrides, overrideRow } from './overrides.ts';
import { parseOverrides } from './overrides-file.ts';
import { SCORES_CSV_HEADER, scoresCsvLines } from './scores-csv.ts';
import { ScoreLines } from './score-lines.ts';
import { formatReasons } from './reasons.ts';
import { scoreInputs, scoreInputsAsync, scoringScratch, type ScoringScratch, type SnapshotScores } from './score-snapshot.ts';
import { capacityCut, type Tier } from './tiers.ts';

export const ScoreJobOptions = z.object({
  model: z.string(),
  /** A data folder (contract files) or an ingest output folder (with tables/). */
  data: z.string().optional(),
  /** Or a feature file (Parquet or CSV, one row per customer at the as-of date, or several cutoffs). */
  features: z.string().optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  /** Output file: .csv or .parquet. */
  out: z.string(),
  engine: FeatureEngine.default('arquero'),
  history: z.string().optional(),
  /** Alerts CSV path (a .json twin is written beside it); needs `history`. */
  alerts: z.string().optional(),
  alertRules: z.string().optional(),
  overrides: z.string().optional(),
  reasons: z.boolean().default(true),
  /** Rows per chunk: small enough that a chunk's objects die young (cheap garbage collection) and its matrix stays in cache. */
  chunkSize: z.number().int().positive().default(4096),
  /** Threads the job may use, its own included (1: no worker threads), DuckDB's too; `defaultThreads()` when not given. */
  threads: z.number().int().positive().optional(),
  quiet: z.boolean().default(false),
});
export type ScoreJobOptions = z.input<typeof ScoreJobOptions>;

export const ScoreJobSummary = z.object({
  model: z.string(),
  asOf: z.string(),
  customers: z.number().int(),
  /** Accounting of a feature file's rows (null when features were computed from raw data). */
  input: z
    .object({ file: z.string(), read: z.number().int(), scored: z.number().int(), otherDates: z.number().int(), rejected: z.number().int() })
    .nullable(),
  tiers: z.record(z.string(), z.number().int()),
  drift: z.array(z.object({ feature: z.string(), psi: z.number(), flagged: z.boolean() })),
  overrides: z.object({ applied: z.number().int(), expired: z.number().int(), unmatched: z.number().int() }),
  alerts: z.number().int().nullable(),
  output: z.string(),
  seconds: z.number(),
});
export type ScoreJobSummary = z.infer<typeof ScoreJobSummary>;

function readOverrides(path: string | undefined) {
  if (path === undefined) return [];
  if (!existsSync(path)) throw new UserError(`${path}: overrides file not found`);
  const parsed = parseOverrides(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new UserError(parsed.problems.join('\n'));
  return parsed.overrides;
}

function readAlertRules(path: string | undefined): z.infer<typeof AlertRules> {
  return path === undefined ? AlertRules.parse({}) : readJsonFile(path, AlertRules, { what: 'the alert rules' });
}

/** Streams the scored chunks into `path` (CSV, or CSV staged then converted to Parquet by DuckDB). */
async function writeScores(path: string, write: (put: (bytes: Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  const ext = extname(path).toLowerCase();
  await removeStaleTemporaries(path);
  await writeAtomically(path, async (temporary) => {
    const csvPath = ext === '.csv' ? temporary : `${temporary}.csv`;
    try {
      const out = createWriteStream(csvPath);
      const done = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
      });
      // Resolves once the bytes are written: the caller reuses its buffer for the next chunk.
      const put = (bytes: Uint8Array): Promise<void> => new Promise((resolve, reject) => out.write(bytes, (error) => (error ? reject(error) : resolve())));
      try {
        await put(Buffer.from(SCORES_CSV_HEADER));
        await write(put);
      } finally {
        out.end();
      }
      await done;
      if (ext === '.parquet') {
        await withDuckDb(async (c) => {
          await c.run(`COPY (${scoresFileSelect(csvPath)}) TO ${sqlString(temporary)} (FORMAT parquet)`);
        });
      }
    } finally {
      if (ext === '.parquet') rmSync(csvPath, { force: true });
    }
  });
}

/** Rejected input rows, as CSV beside the output (only when there are some). */
function rejectsWriter(path: string): { add: (r: RejectedRow) => void; close: () => void } {
  rmSync(path, { force: true });
  let fd: number | null = null;
  return {
    add(r) {
      if (fd === null) {
        fd = openSync(path, 'w');
        writeSync(fd, 'file,row,column,value,reason\n');
      }
      writeSync(fd, `${[r.file, String(r.row), r.column, r.value, r.reason].map(csvField).join(',')}\n`);
    },
    close() {
      if (fd !== null) closeSync(fd);
    },
  };
}

/** Inputs of fewer rows count their drift bins, and write their lines, on the job's thread: a worker is not worth its start. */
const WORKER_ROWS = 65_536;

/** Capacity tiers rank the whole population: a first pass collects every churn probability. */
async function capacityCutOf(bundle: ModelBundle, source: InputSource, chunkRows: number, scratch: ScoringScratch, threads: number): Promise<number | undefined> {
  const tiers = bundle.manifest.tiers;
  if (tiers.by !== 'capacity') return undefined;
  const parts: Float64Array[] = [];
  for await (const chunk of source.chunks(chunkRows)) parts.push(scoreInputs(bundle, chunk.customerId, chunk.raw, { reasons: false, scratch, threads }).churnProbability);
  const all = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return capacityCut(all, tiers.atRiskShare);
}

export async function runScoreJob(input: ScoreJobOptions, log: Log): Promise<ScoreJobSummary> {
  const o = ScoreJobOptions.parse(input);
  const threads = o.threads ?? defaultThreads();
  const started = performance.now();
  const asOfMs = Date.parse(`${o.asOf}T00:00:00Z`);
  if (!Number.isFinite(asOfMs)) throw new UserError(`--as-of ${o.asOf}: not a valid date`);
  if ((o.data === undefined) === (o.features === undefined)) throw new UserError('give either --data (raw or ingested data) or --features (a feature file), not both', ExitCode.usage);
  if (o.alerts !== undefined && o.history === undefined) throw new UserError('--alerts needs --history: alerts compare today with earlier scores');
  if (!['.csv', '.parquet'].includes(extname(o.out).toLowerCase())) throw new UserError(`--out ${o.out}: expected a .csv or .parquet file name`);
  if (!existsSync(dirname(o.out) || '.')) throw new UserError(`--out ${o.out}: folder ${dirname(o.out)} does not exist`);
  // The worker beside this thread for the drift counts and lines starts now, to be up by the first
  // chunk (a moment, more in the source tree); an input too small for it leaves it idle.
  if (threads > 1) workerPool().prestart(2);
  // The input is opened (DuckDB's duplicate check and count) while the model loads (its files read
  // and checked against their checksums): the opening waits mostly on DuckDB's threads. Problems
  // are reported in the order of a job that did one thing after the other: the model's, the
  // overrides' and alert rules', the input's.
  const manifest = await readModelManifest(o.model);
  const version = `${manifest.name}/${manifest.version}`;
  // Rows are rejected only while the input is read, after the writer exists.
  let rejects: ReturnType<typeof rejectsWriter> | null = null;
  const onReject = (r: RejectedRow): void => rejects?.add(r);
  const [loaded, opened] = await Promise.allSettled([loadModelBundle(o.model), openJobInput(o, manifest, asOfMs, log, onReject, threads)]);
  let overrides: ReturnType<typeof readOverrides>;
  let rules: z.infer<typeof AlertRules>;
  try {
    if (loaded.status === 'rejected') throw loaded.reason;
    overrides = readOverrides(o.overrides);
    rules = readAlertRules(o.alertRules);
    if (opened.status === 'rejected') throw opened.reason;
  } catch (error) {
    if (opened.status === 'fulfilled') opened.value.close();
    throw error;
  }
  const bundle = loaded.value;
  const { source, file, close } = opened.value;
  rejects = rejectsWriter(`${o.out}.rejected.csv`);
  // The pool counts the drift bins of a large input, and writes its lines, beside this thread. A
  // GBDT scored without reasons predicts on a worker meanwhile: the side work then takes one thread
  // less, so that it does not queue behind the trees while this thread waits for them. A feature
  // file's chunks may hold up to a DuckDB chunk more than asked for; no chunk holds more than the
  // input.
  const treesOffThread = bundle.fitted.kind === 'gbdt' && !o.reasons;
  const sideThreads = source.rows === null || source.rows >= WORKER_ROWS ? Math.max(1, treesOffThread ? threads - 1 : threads) : 1;
  const rowsCap = Math.min(o.chunkSize + DUCKDB_CHUNK, source.rows ?? Number.POSITIVE_INFINITY);
  const driftCounts = new DriftCounts(bundle.manifest.drift, rowsCap, sideThreads);
  const tiers: Record<Tier, number> = { healthy: 0, watch: 0, 'at-risk': 0 };
  const { active, expired } = activeOverrides(overrides, o.asOf);
  const applied = new Set<string>();
  let scoredRows = 0;
  try {
    const scratch = scoringScratch();
    const cut = await capacityCutOf(bundle, source, o.chunkSize, scratch, threads);
    const progress = createProgress({ label: 'scoring', total: source.rows, quiet: o.quiet, log });
    // Lines with reasons are written here: their text is made here anyway.
    const lines = new ScoreLines(o.asOf, version, rowsCap, o.reasons ? 1 : sideThreads);
    await writeScores(o.out, async (put) => {
      const emit = async (scored: SnapshotScores): Promise<void> => {
        const reasons = scored.reasons === null ? null : scored.reasons.map(formatReasons);
        const overridden = new Map<number, string>();
        for (let i = 0; i < scored.customerId.length; i++) {
          const override = active.size === 0 ? undefined : active.get(scored.customerId[i]);
          if (override === undefined) {
            tiers[scored.tier[i]]++;
            continue;
          }
          applied.add(override.customer_id);
          const row = overrideRow(
            {
              customer_id: scored.customerId[i],
              as_of: o.asOf,
              churn_probability: scored.churnProbability[i],
              health_score: scored.healthScore[i],
              tier: scored.tier[i],
              reasons: reasons?.[i] ?? '',
              model_version: version,
            },
            override,
            bundle.manifest.tiers,
          );
          overridden.set(i, scoresCsvLines([row]));
          tiers[row.tier]++;
        }
        for (const bytes of await lines.add({ scored: { ...scored, reasons }, lines: overridden })) await put(bytes);
        scoredRows += scored.customerId.length;
        progress.tick(scored.customerId.length);
      };
      // Chunks bound the working set: the input rows, the model's matrix and its explanations. A
      // GBDT's trees run on the pool for one chunk while this thread reads the next and writes the
      // last (`scoreInputsAsync`); the source reuses its id array, hence the copy.
      let pending: Promise<SnapshotScores> | null = null;
      for await (const chunk of source.chunks(o.chunkSize)) {
        await driftCounts.add(chunk.raw);
        const next = scoreInputsAsync(bundle, chunk.customerId.slice(), chunk.raw, { reasons: o.reasons, capacityCut: cut, scratch, threads });
        // Its failure surfaces where it is awaited, not as an unhandled rejection meanwhile.
        next.catch(() => undefined);
        if (pending !== null) await emit(await pending);
        pending = next;
      }
      if (pending !== null) await emit(await pending);
      for (const bytes of await lines.finish()) await put(bytes);
    });
    progress.stop();
  } finally {
    close();
    rejects.close();
  }
  const unmatched = [...active.values()].filter((x) => !applied.has(x.customer_id));
  for (const x of unmatched) log.warn(`override for ${x.customer_id} matched no scored customer`);
  if (file !== null && file.counts.rejected > 0) {
    log.warn(`${file.counts.rejected} row(s) of ${o.features} rejected (row, column, value and reason in ${o.out}.rejected.csv)`);
  }
  const drift: FeatureDrift[] = await driftCounts.result();
  const flagged = drift.filter((x) => x.flagged).sort((a, b) => b.psi - a.psi);
  if (flagged.length > 0) {
    const top = flagged.slice(0, 5).map((d) => `${d.feature} ${d.psi.toFixed(2)}`).join(', ');
    log.warn(`drift: ${flagged.length} feature(s) with PSI > 0.2 against the training data (${top}${flagged.length > 5 ? ', …' : ''}); all in the summary JSON`);
  }

  let alerts: number | null = null;
  if (o.history !== undefined) {
    await appendHistoryFile(o.history, o.asOf, o.out);
    if (o.alerts !== undefined) {
      // DuckDB evaluates the rules over the partitions: the history never comes into memory.
      const found = await historyAlerts(o.history, o.asOf, rules);
      await writeAlertsCsv(o.alerts, found);
      await writeAlertsJson(o.alerts.replace(/\.csv$/i, '') + '.json', found);
      alerts = found.length;
    }
  }
  const summary: ScoreJobSummary = {
    model: version,
    asOf: o.asOf,
    customers: scoredRows,
    input:
      file === null
        ? null
        : { file: o.features ?? '', read: file.counts.read, scored: file.counts.scored, otherDates: file.counts.otherDates, rejected: file.counts.rejected },
    tiers,
    drift,
    overrides: { applied: applied.size, expired: expired.length, unmatched: unmatched.length },
    alerts,
    output: o.out,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(`${o.out}.summary.json`, JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
