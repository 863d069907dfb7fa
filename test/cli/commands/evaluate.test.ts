/**
 * `healthscore evaluate` as a user runs it (child process): a saved model judged on the test
 * part of a feature folder, and exit code 4 when the model does not fit the features.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlString, withDuckDb } from '../../../src/data/duckdb-session.ts';
import { FEATURE_FILES } from '../../../src/features/feature-set-files.ts';
import { buildStageFixture, hasStackTrace, healthscore } from './stage-fixture.ts';
import type { StageFixture } from './stage-fixture.ts';

let fx: StageFixture;

beforeAll(async () => {
  fx = await buildStageFixture({ withModel: true });
}, 120_000);

describe('healthscore evaluate', () => {
  it('writes the evaluation of the model beside the RFM and base-rate baselines', async () => {
    const out = join(fx.root, 'eval', 'metrics.json');
    const run = await healthscore('evaluate', '--model', fx.model, '--features', fx.features, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^logistic\s+ROC-AUC 0\.\d{4} \(/m);
    const metrics = JSON.parse(readFileSync(out, 'utf8'));
    expect(metrics.model).toBe('churn/v1');
    expect(metrics.models.map((m: { name: string }) => m.name)).toEqual(['logistic']);
    expect(metrics.baselines.map((m: { name: string }) => m.name)).toEqual(['rfm', 'base rate']);
    // The manifest's test ROC-AUC was measured on the same rows at training time.
    const manifest = JSON.parse(readFileSync(join(fx.model, 'manifest.json'), 'utf8'));
    expect(metrics.models[0].metrics.rocAuc).toBeCloseTo(manifest.metrics.testRocAuc, 12);
  }, 60_000);

  it('exits 4 with one line, no stack trace, for a folder that holds no model', async () => {
    const run = await healthscore('evaluate', '--model', fx.features, '--features', fx.features, '--out', join(fx.root, 'x.json'));
    expect(run.status).toBe(4);
    expect(run.stderr.trim()).toBe(`healthscore: no model at ${fx.features}: manifest.json is missing`);
    expect(hasStackTrace(run.stderr)).toBe(false);
  }, 60_000);

  it('exits 4 naming the missing input when the features lack one of the model inputs', async () => {
    const dir = join(fx.root, 'features-without-tenure');
    mkdirSync(dir, { recursive: true });
    for (const f of [FEATURE_FILES.dictionary, FEATURE_FILES.summary]) copyFileSync(join(fx.features, f), join(dir, f));
    await withDuckDb(async (c) => {
      await c.run(`COPY (SELECT * EXCLUDE (tenure_days) FROM read_parquet(${sqlString(join(fx.features, FEATURE_FILES.parquet))})) TO ${sqlString(join(dir, FEATURE_FILES.parquet))} (FORMAT parquet)`);
    });
    const run = await healthscore('evaluate', '--model', fx.model, '--features', dir, '--out', join(fx.root, 'y.json'));
    expect(run.status).toBe(4);
    expect(run.stderr.trim()).toBe(`healthscore: the model at ${fx.model} does not fit the features in ${dir}: the feature table lacks 1 model input(s): tenure_days`);
  }, 60_000);
});
