/**
 * End to end on the bundled sample: `healthscore run` in-process (both models, AHP comparison),
 * then the batch scoring job with the saved model — history idempotent per as-of date, one
 * customer scored online equal to the batch row, an interrupted job leaving the previous output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as aq from 'arquero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCleanTables } from '../../src/data/clean-store.ts';
import type { CustomerData } from '../../src/data/customer-data.ts';
import { EvaluationReport } from '../../src/evaluate/evaluation-report.ts';
import { loadModelBundle } from '../../src/score/bundle-artifact.ts';
import { runPipeline } from '../../src/run/run-pipeline.ts';
import type { RunResult } from '../../src/run/run-pipeline.ts';
import { readHistory } from '../../src/score/history/score-history.ts';
import { scoreCustomer } from '../../src/score/score-customer.ts';
import { runScoreJob } from '../../src/score/score-job.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

const quiet = { info: () => {}, warn: () => {} };
let root: string;
let result: RunResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hs-run-'));
  result = await runPipeline(
    { data: join(REPO_ROOT, 'data', 'sample'), out: join(root, 'run'), modelsDir: join(root, 'models'), version: 'v1' },
    quiet,
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

type Row = Record<string, string>;
const csv = (path: string): Row[] => parse(readFileSync(path), { columns: true }) as Row[];

describe('healthscore run on data/sample', () => {
  it('writes every documented output', () => {
    for (const f of ['ingest-summary.json', 'metrics.json', 'comparison.json', 'scores.csv', 'priority.csv', 'report.html', 'report.md', 'features/features.parquet']) {
      expect(existsSync(join(root, 'run', f)), f).toBe(true);
    }
    expect(existsSync(join(root, 'models', 'churn', 'v1', 'manifest.json'))).toBe(true);
  });

  it('evaluates both models and the baselines on the same test rows', () => {
    const metrics = EvaluationReport.parse(JSON.parse(readFileSync(join(root, 'run', 'metrics.json'), 'utf8')));
    expect(metrics.models.map((m) => m.name).sort()).toEqual(['gbdt', 'logistic']);
    expect(metrics.baselines.map((b) => b.name)).toEqual(expect.arrayContaining(['rfm', 'ahp', 'ahp-fitted', 'base rate']));
    const n = new Set([...metrics.models, ...metrics.baselines].map((e) => e.metrics.n));
    expect(n.size).toBe(1);
    for (const m of metrics.models) expect(m.metrics.rocAuc).toBeGreaterThan(0.7);
  });

  it('scores every active customer once, with score = round(100 × (1 − p)) and a tier', () => {
    const rows = csv(join(root, 'run', 'scores.csv'));
    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(rows.length);
    for (const r of rows.slice(0, 200)) {
      expect(Number(r.health_score)).toBe(Math.round(100 * (1 - Number(r.churn_probability))));
      expect(['healthy', 'watch', 'at-risk']).toContain(r.tier);
      expect(r.reasons).toMatch(/score/);
    }
    const priority = csv(join(root, 'run', 'priority.csv'));
    const rar = priority.map((r) => Number(r.revenue_at_risk));
    expect(rar.every((v, i) => i === 0 || v <= rar[i - 1])).toBe(true);
  });

  it('saves a model that loads and names its version in the scores', async () => {
    const bundle = await loadModelBundle(result.modelDir);
    expect(bundle.manifest.version).toBe('v1');
    expect(csv(join(root, 'run', 'scores.csv'))[0].model_version).toBe('churn/v1');
  });
});

describe('healthscore score with the saved model', () => {
  const asOf = '2024-12-01';
  let data: CustomerData;

  beforeAll(async () => {
    data = await readCleanTables(join(root, 'run', 'ingest'));
    await runScoreJob(
      { model: result.modelDir, data: join(root, 'run', 'ingest'), asOf, out: join(root, 'a.csv'), history: join(root, 'history'), quiet: true },
      quiet,
    );
  });

  it('gives one customer scored online the same probability as the batch job', async () => {
    const batch = csv(join(root, 'a.csv'));
    const bundle = await loadModelBundle(result.modelDir);
    for (const row of batch.slice(0, 5)) {
      const only = (t: aq.ColumnTable | undefined) => t?.filter(aq.escape((r: { customer_id: string }) => r.customer_id === row.customer_id));
      const rows: CustomerData = {
        customers: only(data.customers) as aq.ColumnTable,
        transactions: only(data.transactions),
        events: only(data.events),
        tickets: only(data.tickets),
        surveys: only(data.surveys),
        subscriptions: only(data.subscriptions),
      };
      const one = scoreCustomer(bundle, rows, Date.parse(`${asOf}T00:00:00Z`));
      if ('problem' in one) throw new Error(one.problem);
      expect(one.churnProbability).toBeCloseTo(Number(row.churn_probability), 12);
      expect(String(one.healthScore)).toBe(row.model_health_score);
    }
  });

  it('does not duplicate the history when the same as-of date is scored again', async () => {
    const before = (await readHistory(join(root, 'history'))).length;
    await runScoreJob(
      { model: result.modelDir, data: join(root, 'run', 'ingest'), asOf, out: join(root, 'a.csv'), history: join(root, 'history'), quiet: true },
      quiet,
    );
    const after = await readHistory(join(root, 'history'));
    expect(after.length).toBe(before);
    expect(new Set(after.map((r) => r.as_of))).toEqual(new Set([asOf]));
  });

  it('leaves the previous output intact when a job is killed half-way, and a rerun succeeds', async () => {
    const out = join(root, 'a.csv');
    const previous = readFileSync(out);
    // `node --import tsx`, not the tsx CLI: that one runs the script in a second process, which a
    // SIGKILL of the first would leave running.
    const args = ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'main.ts'), 'score', '--model', result.modelDir, '--data', join(root, 'run', 'ingest'), '--as-of', '2024-12-15', '--out', out, '--quiet'];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'ignore' });
    // Listening from the start: a job that ends within the wait must not leave the test waiting for an event already gone.
    const closed = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 3000));
    child.kill('SIGKILL');
    await closed;
    const now = readFileSync(out);
    // Killed before the rename: byte for byte the previous file. (Had it already finished, it would
    // be a complete new file; never a partial one.)
    if (!now.equals(previous)) expect(csv(out).every((r) => r.as_of === '2024-12-15')).toBe(true);
    else expect(now.equals(previous)).toBe(true);
    await runScoreJob({ model: result.modelDir, data: join(root, 'run', 'ingest'), asOf: '2024-12-15', out, quiet: true }, quiet);
    expect(csv(out).every((r) => r.as_of === '2024-12-15')).toBe(true);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
