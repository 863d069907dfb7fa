/**
 * The batch job on a small generated history with a saved logistic model (the stage fixture):
 * feature files as input (Parquet and CSV, streamed in chunks, bad rows rejected and counted),
 * the same scores as computing features from the data, chunking that changes nothing, a
 * `healthscore score` process that never loads TensorFlow.js, and the alert rules on a generated
 * sudden decline against the same customers without it.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode, UserError } from '../../src/diagnostics/user-error.ts';
import { memoryLog } from '../support/memory-log.ts';
import { sqlString, withDuckDb } from '../../src/data/duckdb-session.ts';
import { ingestFolder } from '../../src/data/ingest-folder.ts';
import { HISTORY_COLUMNS } from '../../src/score/history/history-row.ts';
import { readHistory } from '../../src/score/history/score-history.ts';
import { runTrainStage } from '../../src/run/stages/train-stage.ts';
import { runScoreJob, ScoreJobSummary } from '../../src/score/score-job.ts';
import { psi } from '../../src/score/drift.ts';
import { loadModelBundle } from '../../src/score/bundle-artifact.ts';
import type { RawTable } from '../../src/learn/preprocess/spec.ts';
import { CustomerTruth } from '../../src/synth/truth.ts';
import { runGenerateStage } from '../../src/synth/generate-stage.ts';
import { buildStageFixture, type StageFixture } from '../cli/commands/stage-fixture.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

const quiet = { info: () => {}, warn: () => {} };
type Row = Record<string, string>;
const csv = (path: string): Row[] => parse(readFileSync(path), { columns: true }) as Row[];

let fx: StageFixture;
beforeAll(async () => {
  fx = await buildStageFixture({ withModel: true });
}, 120_000);
afterAll(() => rmSync(fx.root, { recursive: true, force: true }));

describe('healthscore score: feature files and feature engines', () => {
  // A labelled cutoff of the fixture's feature file: every customer active then has a row.
  const asOf = '2025-09-01';
  const parquet = () => join(fx.features, 'features.parquet');

  it('gives the scores of computing the features from the data at the same date', async () => {
    await runScoreJob({ model: fx.model, features: parquet(), asOf, out: join(fx.root, 'f.csv'), quiet: true }, quiet);
    await runScoreJob({ model: fx.model, data: join(fx.root, 'ingest'), asOf, out: join(fx.root, 'd.csv'), quiet: true }, quiet);
    const fromFile = new Map(csv(join(fx.root, 'f.csv')).map((r) => [r.customer_id, r]));
    const fromData = csv(join(fx.root, 'd.csv'));
    expect(fromFile.size).toBeGreaterThan(300);
    // Training rows exclude customers censored at the cutoff; every other customer is in both.
    const common = fromData.filter((r) => fromFile.has(r.customer_id));
    expect(common.length).toBe(fromFile.size);
    for (const r of common) {
      expect(Number(fromFile.get(r.customer_id)?.churn_probability)).toBeCloseTo(Number(r.churn_probability), 12);
      expect(fromFile.get(r.customer_id)?.reasons).toBe(r.reasons);
    }
  });

  it('from a raw data folder, leaves out the rows dated after the as-of day quietly and warns of the rejected ones', async () => {
    const data = join(fx.root, 'raw-copy');
    cpSync(join(fx.root, 'data'), data, { recursive: true });
    const log = memoryLog();
    await runScoreJob({ model: fx.model, data, asOf, out: join(fx.root, 'raw.csv'), quiet: true }, log);
    expect(log.lines.some((l) => /^\d+ input rows dated after 2025-08-31 left out$/.test(l))).toBe(true);
    expect(log.lines.filter((l) => l.startsWith('warning:') && l.includes('rejected'))).toEqual([]);
    appendFileSync(join(data, 'events.csv'), 'C000001,not-a-date,login,\n');
    const again = memoryLog();
    await runScoreJob({ model: fx.model, data, asOf, out: join(fx.root, 'raw.csv'), quiet: true }, again);
    expect(again.lines).toContain(`warning: 1 input rows rejected during validation; their quarantine files: healthscore ingest --data ${data} --as-of 2025-08-31 --out DIR`);
  });

  it('gives the same scores with the DuckDB engine, which streams its features from a temporary file', async () => {
    await runScoreJob({ model: fx.model, data: join(fx.root, 'ingest'), engine: 'duckdb', asOf, out: join(fx.root, 'duck.csv'), quiet: true }, quiet);
    const arquero = csv(join(fx.root, 'd.csv'));
    const duck = new Map(csv(join(fx.root, 'duck.csv')).map((r) => [r.customer_id, r]));
    expect(duck.size).toBe(arquero.length);
    for (const r of arquero) {
      expect(Number(duck.get(r.customer_id)?.churn_probability)).toBeCloseTo(Number(r.churn_probability), 9);
      expect(duck.get(r.customer_id)?.tier).toBe(r.tier);
    }
  });

  it('accounts for every row of a multi-cutoff file: scored at the as-of date, or another date', async () => {
    const out = join(fx.root, 'f.csv');
    const s = await runScoreJob({ model: fx.model, features: parquet(), asOf, out, quiet: true }, quiet);
    const summary = ScoreJobSummary.parse(JSON.parse(readFileSync(`${out}.summary.json`, 'utf8')));
    expect(summary.input).toEqual(s.input);
    expect(s.input?.read).toBe(4260);
    expect(s.input?.scored).toBe(s.customers);
    expect((s.input?.scored ?? 0) + (s.input?.otherDates ?? 0) + (s.input?.rejected ?? 0)).toBe(4260);
    expect(s.input?.rejected).toBe(0);
    expect(existsSync(`${out}.rejected.csv`)).toBe(false);
  });

  it('writes the same file from CSV features as from Parquet, and whatever the chunk size', async () => {
    await runScoreJob({ model: fx.model, features: parquet(), asOf, out: join(fx.root, 'p.csv'), quiet: true }, quiet);
    await runScoreJob({ model: fx.model, features: join(fx.features, 'features.csv'), asOf, out: join(fx.root, 'c.csv'), quiet: true, chunkSize: 37 }, quiet);
    await runScoreJob({ model: fx.model, data: join(fx.root, 'ingest'), asOf, out: join(fx.root, 'd7.csv'), quiet: true, chunkSize: 7 }, quiet);
    expect(readFileSync(join(fx.root, 'c.csv'), 'utf8')).toBe(readFileSync(join(fx.root, 'p.csv'), 'utf8'));
    expect(readFileSync(join(fx.root, 'd7.csv'), 'utf8')).toBe(readFileSync(join(fx.root, 'd.csv'), 'utf8'));
    expect(Object.keys(csv(join(fx.root, 'p.csv'))[0])).toEqual(HISTORY_COLUMNS);
  });

  it('gives a GBDT the same file whatever the chunk size and thread count, its trees run on the pool beside the reading', async () => {
    const model = join(fx.modelsDir, 'churn-gbdt', 'v1');
    if (!existsSync(model)) await runTrainStage({ features: fx.features, model: 'gbdt', modelsDir: fx.modelsDir, name: 'churn-gbdt', version: 'v1' }, memoryLog());
    const run = async (out: string, chunkSize: number, reasons: boolean, features = parquet(), threads?: number) => {
      await runScoreJob({ model, features, asOf, out: join(fx.root, out), quiet: true, chunkSize, reasons, threads }, quiet);
      return csv(join(fx.root, out));
    };
    // One chunk, then many small ones (two at a time out to the pool once its worker is up), then
    // one thread. The fixture's rows repeated 40 times under new ids: enough chunks to outlast the
    // worker's start.
    const tiled = join(fx.root, 'tiled.parquet');
    await withDuckDb((c) =>
      c.run(
        `COPY (SELECT s.* REPLACE (s.customer_id || '-' || CAST(r.k AS VARCHAR) AS customer_id) FROM range(40) r(k) CROSS JOIN read_parquet(${sqlString(parquet())}) s) TO ${sqlString(tiled)} (FORMAT parquet)`,
      ),
    );
    const whole = await run('g1.csv', 1_000_000, false, tiled);
    await run('g2.csv', 256, false, tiled, 2);
    await run('g5.csv', 256, false, tiled, 1);
    expect(whole.length).toBeGreaterThan(12_000);
    expect(readFileSync(join(fx.root, 'g2.csv'), 'utf8')).toBe(readFileSync(join(fx.root, 'g1.csv'), 'utf8'));
    expect(readFileSync(join(fx.root, 'g5.csv'), 'utf8')).toBe(readFileSync(join(fx.root, 'g1.csv'), 'utf8'));
    // With reasons the trees run on this thread (TreeSHAP needs the matrix here): the same scores.
    const explained = await run('g3.csv', 16, true);
    const plain = await run('g4.csv', 16, false);
    expect(explained.map((r) => [r.customer_id, r.churn_probability, r.tier])).toEqual(plain.map((r) => [r.customer_id, r.churn_probability, r.tier]));
  });

  it('reports the drift of the whole file and writes the same bytes when the pool counts the bins and writes the lines of a large one', async () => {
    // Over 65,536 rows at the as-of date: the pool counts the numeric features' bins beside the job.
    const big = join(fx.root, 'big.parquet');
    await withDuckDb((c) =>
      c.run(
        `COPY (SELECT s.* REPLACE (s.customer_id || '-' || CAST(r.k AS VARCHAR) AS customer_id) FROM range(250) r(k) ` +
          `CROSS JOIN (SELECT * FROM read_parquet(${sqlString(parquet())}) WHERE CAST(cutoff AS DATE) = DATE '${asOf}') s) TO ${sqlString(big)} (FORMAT parquet)`,
      ),
    );
    const summary = await runScoreJob({ model: fx.model, features: big, asOf, out: join(fx.root, 'big.csv'), quiet: true, chunkSize: 1024 }, quiet);
    expect(summary.customers).toBeGreaterThan(65_536);
    const bundle = await loadModelBundle(fx.model);
    const raw = await withDuckDb(async (c) => {
      const columns = (await c.runAndReadAll(`SELECT ${bundle.manifest.inputs.features.map((f) => `"${f}"`).join(', ')} FROM read_parquet(${sqlString(big)})`)).getColumnsObjectJS();
      return Object.fromEntries(
        Object.entries(columns).map(([name, values]) => [name, bundle.manifest.inputs.categorical.includes(name) ? values : Float64Array.from(values as (number | null)[], (v) => v ?? Number.NaN)]),
      );
    });
    expect(summary.drift).toEqual(psi(bundle.manifest.drift, raw as RawTable));
    // Without reasons the pool writes the lines of a large input (score-lines.ts): the same scores,
    // with an override applied in place, and the same bytes and drift as the job on one thread.
    const withReasons = csv(join(fx.root, 'big.csv'));
    const overrides = join(fx.root, 'big-overrides.csv');
    writeFileSync(overrides, `customer_id,points,tier,reason,author,expires\n${withReasons[0].customer_id},-5,,"checked, by ""hand""",ana,2099-01-01\n`);
    const plainJob = (out: string, threads: number) =>
      runScoreJob({ model: fx.model, features: big, asOf, out: join(fx.root, out), quiet: true, chunkSize: 1024, reasons: false, overrides, threads }, quiet);
    const pooled = await plainJob('big-plain.csv', 2);
    const single = await plainJob('big-single.csv', 1);
    expect(readFileSync(join(fx.root, 'big-plain.csv'), 'utf8')).toBe(readFileSync(join(fx.root, 'big-single.csv'), 'utf8'));
    expect(pooled.drift).toEqual(single.drift);
    expect(pooled.drift).toEqual(summary.drift);
    const plain = csv(join(fx.root, 'big-plain.csv'));
    const scores = (rows: Row[]) => rows.map((r) => [r.customer_id, r.churn_probability, r.model_health_score, r.model_tier].join(';')).join('\n');
    expect(scores(plain)).toBe(scores(withReasons));
    expect(plain[0]).toMatchObject({ health_score: String(Number(withReasons[0].model_health_score) - 5), override_reason: 'checked, by "hand"' });
  });

  it('rejects a bad row with its row, column, value and reason, and scores the rest', async () => {
    const lines = readFileSync(join(fx.features, 'features.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    const at = lines.map((l, i) => (l.includes(`,${asOf}T`) ? i : -1)).filter((i) => i > 0);
    const cells = (i: number) => lines[i].split(',');
    const bad = cells(at[2]);
    bad[header.indexOf('events_30d')] = 'lots';
    lines[at[2]] = bad.join(',');
    const blank = cells(at[4]);
    blank[0] = ' ';
    lines[at[4]] = blank.join(',');
    lines.push(lines[at[6]]);
    const file = join(fx.root, 'broken.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const out = join(fx.root, 'broken-scores.csv');
    const s = await runScoreJob({ model: fx.model, features: file, asOf, out, quiet: true }, quiet);
    expect(s.input).toMatchObject({ read: 4261, rejected: 3 });
    expect(csv(`${out}.rejected.csv`)).toEqual([
      { file, row: String(at[2]), column: 'events_30d', value: 'lots', reason: 'not a number' },
      { file, row: String(at[4]), column: 'customer_id', value: ' ', reason: 'customer_id is blank' },
      { file, row: '4261', column: 'customer_id', value: cells(at[6])[0], reason: `customer appears again at the as-of date (first at row ${at[6]})` },
    ]);
    expect(s.customers).toBe(csv(join(fx.root, 'p.csv')).length - 2);
  });

  it('stops with exit code 4 when the file lacks a model input, naming it', async () => {
    const lines = readFileSync(join(fx.features, 'features.csv'), 'utf8').split('\n');
    const drop = lines[0].split(',').indexOf('tenure_days');
    const file = join(fx.root, 'narrow.csv');
    writeFileSync(file, lines.map((l) => l.split(',').filter((_, j) => j !== drop).join(',')).join('\n'));
    const job = runScoreJob({ model: fx.model, features: file, asOf, out: join(fx.root, 'n.csv'), quiet: true }, quiet);
    await expect(job).rejects.toThrow(/tenure_days/);
    await expect(job).rejects.toMatchObject({ exitCode: ExitCode.modelMismatch });
  });

  it('reports a model that fails its checksum before the input it was opening alongside', async () => {
    const broken = join(fx.root, 'broken-model');
    cpSync(fx.model, broken, { recursive: true });
    const weights = readdirSync(broken).find((f) => f.endsWith('.bin')) as string;
    appendFileSync(join(broken, weights), Buffer.from([0]));
    const out = join(fx.root, 'b.csv');
    // The file is fine: the model alone is at fault.
    await expect(runScoreJob({ model: broken, features: parquet(), asOf, out, quiet: true }, quiet)).rejects.toThrow(/fails its checksum/);
    // Both at fault: the model's problem is the one reported.
    const job = runScoreJob({ model: broken, features: parquet(), asOf: '2025-09-02', out, quiet: true }, quiet);
    await expect(job).rejects.toThrow(/fails its checksum/);
    await expect(job).rejects.toMatchObject({ exitCode: ExitCode.modelMismatch });
    // Then a bad overrides file, then the input, as a job doing one thing after the other would.
    const overrides = join(fx.root, 'bad-overrides.csv');
    writeFileSync(overrides, 'who,what\nC1,2\n');
    await expect(runScoreJob({ model: broken, features: parquet(), asOf: '2025-09-02', out, overrides, quiet: true }, quiet)).rejects.toThrow(/fails its checksum/);
    await expect(runScoreJob({ model: fx.model, features: parquet(), asOf: '2025-09-02', out, overrides, quiet: true }, quiet)).rejects.toThrow(/bad-overrides\.csv/);
    expect(existsSync(out)).toBe(false);
  });

  it('names the cutoffs a file has when none is the as-of date', async () => {
    const job = runScoreJob({ model: fx.model, features: parquet(), asOf: '2025-09-02', out: join(fx.root, 'x.csv'), quiet: true }, quiet);
    await expect(job).rejects.toThrow(UserError);
    await expect(job).rejects.toThrow(/no rows with cutoff 2025-09-02.*2025-10-01/);
  });

  it('writes Parquet output and appends it to the history once per as-of date', async () => {
    const history = join(fx.root, 'history-p');
    for (let k = 0; k < 2; k++) {
      await runScoreJob({ model: fx.model, features: parquet(), asOf, out: join(fx.root, 'p.parquet'), history, quiet: true }, quiet);
    }
    const rows = await readHistory(history);
    const expected = csv(join(fx.root, 'p.csv'));
    expect(rows.length).toBe(expected.length);
    const byId = new Map(expected.map((r) => [r.customer_id, r]));
    for (const r of rows) {
      expect(r.churn_probability).toBe(Number(byId.get(r.customer_id)?.churn_probability));
      expect(r.reasons).toBe(byId.get(r.customer_id)?.reasons);
    }
  });
});

/**
 * Runs `body` (ES module code, with `main` the CLI's entry function) in a fresh `node --import tsx`
 * and returns what it printed last as JSON, with every CommonJS file the process loaded. The
 * files are Node's require cache: @tensorflow/tfjs resolves to CommonJS (dist/tf.node.js) whether
 * it is imported or required, so a TensorFlow.js that was loaded is there.
 */
function inFreshProcess(body: string): Promise<{ status: number | null; result: unknown; loaded: string[]; stderr: string }> {
  const script =
    `import { createRequire } from 'node:module';\n` +
    `const { main } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src', 'cli', 'main.ts')).href)});\n` +
    `const result = await (async () => { ${body} })();\n` +
    `const loaded = Object.keys(createRequire(import.meta.url).cache);\n` +
    `process.stdout.write('\\n' + JSON.stringify({ result, loaded }) + '\\n');\n`;
  return new Promise((resolve, reject) => {
    // Not blocking the test worker (spawnSync would make it miss vitest's RPC deadlines).
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      const last = stdout.trimEnd().split('\n').at(-1) ?? '';
      const { result, loaded } = (last.startsWith('{') ? JSON.parse(last) : { result: null, loaded: [] }) as { result: unknown; loaded: string[] };
      resolve({ status, result, loaded, stderr });
    });
  });
}

const tensorflow = (files: string[]): string[] => files.filter((f) => f.includes(`${sep}@tensorflow${sep}`));

describe('healthscore score without TensorFlow.js', () => {
  // Scoring a saved model needs none of it, and importing it took ~0.9 s of every job's start.
  it('scores with a logistic and a GBDT model, from data and from a feature file, and never loads @tensorflow/tfjs', async () => {
    const gbdt = join(fx.modelsDir, 'churn-gbdt', 'v1');
    if (!existsSync(gbdt)) await runTrainStage({ features: fx.features, model: 'gbdt', modelsDir: fx.modelsDir, name: 'churn-gbdt', version: 'v1' }, memoryLog());
    const asOf = '2025-09-01';
    const runs = [
      ['score', '--model', fx.model, '--data', join(fx.root, 'ingest'), '--as-of', asOf, '--out', join(fx.root, 'no-tf-logistic.csv'), '--quiet'],
      ['score', '--model', gbdt, '--features', join(fx.features, 'features.parquet'), '--as-of', asOf, '--out', join(fx.root, 'no-tf-gbdt.csv'), '--quiet'],
    ];
    const run = await inFreshProcess(`const codes = []; for (const args of ${JSON.stringify(runs)}) codes.push(await main(args)); return codes;`);
    expect(run.result, run.stderr).toEqual([0, 0]);
    expect(run.status).toBe(0);
    expect(csv(join(fx.root, 'no-tf-gbdt.csv')).length).toBeGreaterThan(300);
    // The check can see packages: commander (CommonJS) is there.
    expect(run.loaded.some((f) => f.includes(`${sep}commander${sep}`))).toBe(true);
    expect(tensorflow(run.loaded)).toEqual([]);
  }, 120_000);

  it('would notice TensorFlow.js: a process that imports the backend module has it loaded', async () => {
    const backend = pathToFileURL(join(REPO_ROOT, 'src', 'runtime', 'backend.ts')).href;
    const run = await inFreshProcess(`await import(${JSON.stringify(backend)}); return typeof main;`);
    expect(run.result, run.stderr).toBe('function');
    expect(tensorflow(run.loaded).some((f) => f.endsWith(join('@tensorflow', 'tfjs', 'dist', 'tf.node.js')))).toBe(true);
  }, 60_000);
});

describe('alerts on a generated sudden decline', () => {
  // The same 600 customers with and without a drop in health on 2025-09-15 (switching the
  // scenario on changes nothing else), scored weekly around it with the default alert rules.
  const dates = ['2025-09-08', '2025-09-15', '2025-09-22'];
  const scenarios: Record<string, { declined: Set<string>; alerts: Row[]; scored: number }> = {};

  beforeAll(async () => {
    for (const [name, share] of [['decline', 0.3], ['stable', 0]] as const) {
      const dir = join(fx.root, name);
      const truth = join(dir, 'truth.jsonl');
      await runGenerateStage({ customers: 600, months: 24, seed: 7, out: join(dir, 'data'), declineShare: share, declineDate: '2025-09-15', truth }, memoryLog());
      await ingestFolder(join(dir, 'data'), join(dir, 'ingest'), { log: memoryLog() });
      let scored = 0;
      for (const asOf of dates) {
        const s = await runScoreJob(
          { model: fx.model, data: join(dir, 'ingest'), asOf, out: join(dir, `${asOf}.csv`), history: join(dir, 'history'), alerts: join(dir, `alerts-${asOf}.csv`), quiet: true },
          quiet,
        );
        scored = s.customers;
      }
      const rows = readFileSync(truth, 'utf8').trim().split('\n').map((l) => CustomerTruth.parse(JSON.parse(l)));
      scenarios[name] = { declined: new Set(rows.filter((t) => t.declined).map((t) => t.customer_id)), alerts: csv(join(dir, `alerts-${dates[2]}.csv`)), scored };
    }
  }, 120_000);

  it('fires score-drop alerts after the decline, only for customers who declined', () => {
    const { declined, alerts } = scenarios.decline;
    expect(declined.size).toBeGreaterThan(50);
    const drops = alerts.filter((a) => a.rule === 'score_drop');
    expect(drops.length).toBeGreaterThanOrEqual(3);
    for (const a of drops) {
      expect(declined.has(a.customer_id)).toBe(true);
      expect(Number(a.current_score)).toBeLessThanOrEqual(0.8 * Number(a.previous_score));
    }
  });

  it('stays quiet on the stable history: no score drop, and few tier changes', () => {
    const stable = scenarios.stable;
    expect(stable.declined.size).toBe(0);
    expect(stable.alerts.filter((a) => a.rule === 'score_drop')).toEqual([]);
    expect(stable.alerts.length).toBeLessThanOrEqual(0.01 * stable.scored);
    expect(scenarios.decline.alerts.length).toBeGreaterThanOrEqual(5 * Math.max(1, stable.alerts.length));
  });

  it('raises no alert on the first dates, before the decline shows in the data', () => {
    for (const name of ['decline', 'stable']) {
      for (const asOf of dates.slice(0, 2)) expect(csv(join(fx.root, name, `alerts-${asOf}.csv`))).toEqual([]);
    }
  });
});
