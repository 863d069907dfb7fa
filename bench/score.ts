/**
 * Benchmark: batch scoring (issue 7), logistic and GBDT (100 trees, depth ≤ 6), every measurement
 * in its own process so that its peak RSS is its own.
 *
 *   npx tsx bench/score.ts [rows=1000000] [--sizes 1000000,4000000] [--e2e DATA_DIR] [--work DIR] [--threads N]
 *
 * Setup (once, in this process): ingest the bundled sample, build features at monthly cutoffs,
 * train both models on the temporal split and save them; write the sample's scoring snapshot at
 * its last day as Parquet, and tile it (ids made unique) into feature files of each size.
 * Then, per model:
 *   model     scoring alone on in-memory columns (`scoreInputs`, no reasons): the model's own rate;
 *   job       `healthscore score --features FILE.parquet --no-reasons` end to end (stream the file
 *             in chunks, score, write CSV), at each size: rows/s and peak RSS, which should stay
 *             flat as the file grows; the median of three runs, with their range;
 *   reasons   the same job with reasons, at the first size or 100,000 rows if fewer;
 * and with --e2e DATA_DIR (raw contract files, e.g. bench/out/data-100k from the ingest benchmark),
 * the job from raw files at the data's last day with each feature engine. --threads N is the
 * scoring's thread count (the job's `threads` option; the machine's cores when not given).
 * Targets: ≥ 500,000 rows/s logistic and ≥ 200,000 rows/s GBDT from features; memory flat from
 * 1M to 4M rows.
 */
import * as aq from 'arquero';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCleanTables } from '../src/data/clean-store.ts';
import { sqlString, withDuckDb } from '../src/data/duckdb-session.ts';
import { ingestFolder } from '../src/data/ingest-folder.ts';
import { buildScoringSnapshot } from '../src/features/build-feature-set.ts';
import { DEFAULT_FEATURE_SPEC } from '../src/features/default-spec.ts';
import { writeFeatureSet } from '../src/features/feature-set-files.ts';
import { loadModelBundle, readModelManifest, saveModelBundle } from '../src/score/bundle-artifact.ts';
import type { RawColumn } from '../src/learn/preprocess/spec.ts';
import { tableSource } from '../src/score/input-chunks.ts';
import { openFeatureFile } from '../src/score/feature-file-source.ts';
import { readHints } from '../src/score/job-input.ts';
import { runScoreJob } from '../src/score/score-job.ts';
import { scoreInputs, scoringScratch } from '../src/score/score-snapshot.ts';
import { candidateFacts } from '../src/training/candidate-facts.ts';
import { fitCandidate } from '../src/training/fit-candidates.ts';
import { readyToFit } from '../src/run/ready-to-fit.ts';
import { readFeatureSet } from '../src/features/feature-set-files.ts';

const KINDS = ['logistic', 'gbdt'] as const;
/**
 * Jobs from a feature file run this many times, in fresh processes, and report their median: on
 * this shared 2-core VM one run of the same job ranged over ±15%.
 */
const JOB_RUNS = 3;

const quiet = { info: () => {}, warn: () => {} };
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const threads = arg('--threads') === undefined ? undefined : Number(arg('--threads'));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const rate = (rows: number, s: number) => `${Math.round(rows / s).toLocaleString('en-US')} rows/s`;

async function setup(work: string, sizes: number[]): Promise<{ asOf: string }> {
  const ingest = join(work, 'ingest');
  rmSync(ingest, { recursive: true, force: true });
  await ingestFolder('data/sample', ingest, { log: quiet });
  const data = await readCleanTables(ingest);
  const ready = readyToFit(data, { horizonDays: 90, churn: { kind: 'explicit' } });
  if ('problem' in ready) throw new Error(ready.problem);
  const { set, splits, inputs, parts, dataEnd: end } = ready;
  for (const kind of KINDS) {
    const c = await fitCandidate(kind, parts, inputs, set.dictionary, { gbdt: { maxIter: 100, maxLeafNodes: null, maxDepth: 6, growth: 'depthwise', nIterNoChange: null } });
    const facts = candidateFacts(c, {
      name: 'bench',
      version: kind,
      inputs,
      dictionary: set.dictionary,
      tiers: { by: 'thresholds', healthyMin: 70, watchMin: 40 },
      horizonDays: 90,
      featureSpec: DEFAULT_FEATURE_SPEC,
      churn: { kind: 'explicit' },
      splits,
      parts,
    });
    // A kept --work folder holds the last run's models: saving refuses an existing version.
    rmSync(join(work, 'models', kind), { recursive: true, force: true });
    await saveModelBundle(join(work, 'models', kind), c.trained, facts);
    if (kind === 'gbdt') console.log(`gbdt model: ${c.trained.iterations} trees, depth ≤ 6`);
  }
  const snapshot = buildScoringSnapshot(data, DEFAULT_FEATURE_SPEC, end);
  await writeFeatureSet(snapshot, join(work, 'snapshot'));
  const asOf = new Date(end).toISOString().slice(0, 10);
  await withDuckDb(async (c) => {
    const from = `read_parquet(${sqlString(join(work, 'snapshot', 'features.parquet'))})`;
    const n = Number((await c.runAndReadAll(`SELECT COUNT(*) AS n FROM ${from}`)).getRowObjectsJS()[0].n);
    for (const size of sizes) {
      // The snapshot's rows repeated with unique ids: real feature values, as many rows as asked.
      await c.run(
        `COPY (SELECT s.* REPLACE (s.customer_id || '-' || CAST(r.k AS VARCHAR) AS customer_id) FROM range(${Math.ceil(size / n)}) r(k) CROSS JOIN ${from} s ORDER BY r.k LIMIT ${size}) ` +
          `TO ${sqlString(join(work, `features-${size}.parquet`))} (FORMAT parquet)`,
      );
    }
    console.log(`feature files: the ${n}-row scoring snapshot of data/sample at ${asOf}, tiled to ${sizes.map((s) => s.toLocaleString('en-US')).join(', ')} rows`);
  });
  return { asOf };
}

/** Child: one measurement, printed as one line. */
async function child(mode: string, kind: string, work: string, asOf: string, size: number, extra: string | undefined): Promise<void> {
  const model = join(work, 'models', kind);
  if (mode === 'model') {
    const bundle = await loadModelBundle(model);
    const set = await readFeatureSet(join(work, 'snapshot'));
    const source = tableSource(set.table, bundle.manifest.inputs);
    // The snapshot's columns tiled to `size` rows, all in memory before the clock starts.
    const raw: Record<string, RawColumn> = {};
    for await (const chunk of source.chunks(set.table.numRows())) {
      for (const [name, values] of Object.entries(chunk.raw)) {
        const n = values.length;
        raw[name] = values instanceof Float64Array ? Float64Array.from({ length: size }, (_, i) => values[i % n]) : Array.from({ length: size }, (_, i) => values[i % n]);
      }
    }
    const ids = Array.from({ length: size }, (_, i) => String(i));
    // As the job scores: chunks of 4,096 rows through reused buffers (a logistic model's margin
    // from the raw columns, a GBDT's from the design matrix; calibration, score, tier; no reasons,
    // no I/O).
    const whole = tableSource(aq.table({ customer_id: ids, ...raw }), bundle.manifest.inputs);
    const scratch = scoringScratch();
    const t0 = performance.now();
    for await (const chunk of whole.chunks(4096)) scoreInputs(bundle, chunk.customerId, chunk.raw, { reasons: false, scratch, threads });
    const s = (performance.now() - t0) / 1000;
    console.log(`${kind} model: ${size.toLocaleString('en-US')} rows from in-memory features in ${s.toFixed(2)} s = ${rate(size, s)}; peak RSS ${mb(process.resourceUsage().maxRSS)}`);
    return;
  }
  if (mode === 'read') {
    // The job's reading alone: the same query and copying, nothing scored or written. What is
    // left of the job's time beyond this is scoring and writing.
    const manifest = await readModelManifest(model);
    const t0 = performance.now();
    const file = await openFeatureFile(join(work, `features-${size}.parquet`), manifest.inputs, Date.parse(`${asOf}T00:00:00Z`), () => {}, readHints(manifest), threads);
    let rows = 0;
    try {
      for await (const chunk of file.chunks(4096)) rows += chunk.customerId.length;
    } finally {
      file.close();
    }
    const s = (performance.now() - t0) / 1000;
    console.log(`${kind} inputs read alone from a feature file: ${rows.toLocaleString('en-US')} rows in ${s.toFixed(2)} s = ${rate(rows, s)}; peak RSS ${mb(process.resourceUsage().maxRSS)}`);
    return;
  }
  const out = join(work, `scores-${kind}-${mode}-${size}.csv`);
  const t0 = performance.now();
  const summary =
    mode === 'e2e'
      ? await runScoreJob({ model, data: extra, engine: size === 0 ? 'arquero' : 'duckdb', asOf, out, reasons: true, quiet: true, threads }, quiet)
      : await runScoreJob({ model, features: join(work, `features-${size}.parquet`), asOf, out, reasons: mode === 'reasons', quiet: true, threads }, quiet);
  const s = (performance.now() - t0) / 1000;
  const what = mode === 'e2e' ? `from raw files (${size === 0 ? 'arquero' : 'duckdb'} engine)` : `job from a feature file${mode === 'reasons' ? ', with reasons' : ''}`;
  console.log(`${kind} ${what}: ${summary.customers.toLocaleString('en-US')} rows in ${s.toFixed(2)} s = ${rate(summary.customers, s)}; peak RSS ${mb(process.resourceUsage().maxRSS)}`);
  rmSync(out, { force: true });
}

if (process.argv[2] === '--child') {
  // --child MODE KIND WORK AS_OF SIZE [DATA_DIR] [--threads N]; for e2e, SIZE 0 is the arquero engine, 1 DuckDB.
  const [mode, kind, work, asOf, size, dataDir] = process.argv.slice(3).filter((a, k, all) => a !== '--threads' && all[k - 1] !== '--threads');
  await child(mode, kind, work, asOf, Number(size), dataDir);
} else {
  const first = Number(process.argv[2] !== undefined && !process.argv[2].startsWith('--') ? process.argv[2] : 1_000_000);
  const sizes = (arg('--sizes') ?? `${first},${4 * first}`).split(',').map(Number);
  const dir = resolve(arg('--work') ?? join(tmpdir(), 'hs-bench-score'));
  mkdirSync(dir, { recursive: true });
  const setupAt = performance.now();
  // Reasons (exact TreeSHAP for the GBDT, a fraction of a millisecond a row at 100 trees) on at most 100,000 rows.
  const reasonRows = Math.min(sizes[0], 100_000);
  const { asOf: day } = await setup(dir, [...new Set([...sizes, reasonRows])]);
  console.log(`setup ${((performance.now() - setupAt) / 1000).toFixed(1)} s (untimed below)`);
  const child = (...a: string[]): string | null => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/score.ts', '--child', ...a, ...(threads === undefined ? [] : ['--threads', String(threads)])], { encoding: 'utf8' });
    if (r.status !== 0) process.stderr.write(r.stderr);
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const run = (...a: string[]) => {
    const line = child(...a);
    if (line !== null) console.log(line);
  };
  // Setup has just written a few hundred MB: let the kernel write them back before the clock runs.
  spawnSync('sync');
  for (const k of KINDS) {
    run('model', k, dir, day, String(sizes[0]));
    for (const n of sizes) repeated(JOB_RUNS, () => child('job', k, dir, day, String(n)));
    if (k === 'logistic') run('read', k, dir, day, String(sizes[0]));
    run('reasons', k, dir, day, String(reasonRows));
  }
  const e2e = arg('--e2e');
  if (e2e !== undefined && !existsSync(join(e2e, 'events.csv'))) console.log(`skipped the end-to-end runs: ${e2e}/events.csv is absent (the ingest benchmark generates it)`);
  else if (e2e !== undefined) {
    const end = await lastDay(e2e);
    for (const engine of ['0', '1']) run('e2e', 'gbdt', dir, end, engine, resolve(e2e));
  }
  // A folder given with --work is kept, to profile one measurement: bench/score.ts --child job logistic DIR DAY ROWS
  if (arg('--work') === undefined) rmSync(dir, { recursive: true, force: true });
}

/** Runs a measurement `times` times; prints the median run's line and the range over all. */
function repeated(times: number, measure: () => string | null): void {
  const runs: { line: string; s: number; rss: number }[] = [];
  for (let k = 0; k < times; k++) {
    const line = measure();
    const m = line === null ? null : / in ([0-9.]+) s = .*peak RSS ([0-9]+) MB/.exec(line);
    if (line === null || m === null) {
      if (line !== null) console.log(line);
      return;
    }
    runs.push({ line, s: Number(m[1]), rss: Number(m[2]) });
  }
  const bySpeed = [...runs].sort((a, b) => a.s - b.s);
  const rss = runs.map((r) => r.rss);
  console.log(
    `${bySpeed[(times - 1) >> 1].line} (median of ${times} runs: ${bySpeed[0].s.toFixed(2)}–${bySpeed[times - 1].s.toFixed(2)} s, peak RSS ${Math.min(...rss)}–${Math.max(...rss)} MB)`,
  );
}

/** The day after the latest event in a raw data folder: "tonight's" as-of date. */
async function lastDay(dir: string): Promise<string> {
  return withDuckDb(async (c) => {
    const r = await c.runAndReadAll(`SELECT CAST(CAST(MAX(timestamp) AS DATE) + 1 AS VARCHAR) AS d FROM read_csv(${sqlString(join(dir, 'events.csv'))})`);
    return String(r.getRowObjectsJS()[0].d);
  });
}
