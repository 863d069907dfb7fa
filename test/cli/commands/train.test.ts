/**
 * `healthscore train` as a user runs it (child process): a feature folder in, a saved model
 * version out, and one-line messages for the mistakes a user makes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLog } from '../../support/memory-log.ts';
import { ingestTabular } from '../../../src/data/tabular/ingest-tabular.ts';
import { TabularConfig } from '../../../src/data/tabular/tabular-config.ts';
import { buildStageFixture, hasStackTrace, healthscore } from './stage-fixture.ts';
import type { StageFixture } from './stage-fixture.ts';

let fx: StageFixture;

beforeAll(async () => {
  fx = await buildStageFixture({ withModel: false });
}, 120_000);

describe('healthscore train', () => {
  it('saves a calibrated model version and prints validation log-loss and test ROC-AUC', async () => {
    const run = await healthscore('train', '--features', fx.features, '--model', 'logistic', '--models-dir', fx.modelsDir, '--model-version', 'v1');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/validation log-loss 0\.\d{4}, test ROC-AUC 0\.\d{4}/);
    const manifest = JSON.parse(readFileSync(join(fx.modelsDir, 'churn', 'v1', 'manifest.json'), 'utf8'));
    expect(manifest.modelKind).toBe('logistic');
    expect(manifest.split.method).toBe('temporal');
    expect(['platt', 'isotonic']).toContain(manifest.calibrator.kind);
    expect(manifest.horizonDays).toBe(90);

    // The version now exists: a second train with the same version is refused before fitting.
    const again = await healthscore('train', '--features', fx.features, '--model', 'gbdt', '--models-dir', fx.modelsDir, '--model-version', 'v1');
    expect(again.status).toBe(3);
    expect(again.stderr.trim()).toMatch(/^healthscore: model version directory .*churn\/v1 already exists; choose a new version$/);
  }, 120_000);

  it('exits 3 with one line when --features is not a feature folder', async () => {
    const run = await healthscore('train', '--features', fx.root, '--model', 'logistic', '--models-dir', fx.modelsDir);
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${fx.root}: neither a feature set`);
    expect(hasStackTrace(run.stderr)).toBe(false);
  }, 60_000);

  it('trains on a tabular ingest folder with the stratified split', async () => {
    // 400 customers; churn is far more likely on a monthly contract, so both classes occur in
    // every part of the 60/10/10/20 split and the model has a signal to find.
    const dir = join(fx.root, 'tabular');
    mkdirSync(dir, { recursive: true });
    const lines = ['id,months,contract,left'];
    for (let i = 0; i < 400; i++) {
      const monthly = i % 2 === 0;
      lines.push(`c${i},${(i * 7) % 60},${monthly ? 'monthly' : 'yearly'},${(monthly ? i % 3 === 0 : i % 11 === 0) ? 'Yes' : 'No'}`);
    }
    writeFileSync(join(dir, 'customers.csv'), lines.join('\n') + '\n');
    const config = TabularConfig.parse({ idColumn: 'id', labelColumn: 'left', positiveLabel: 'Yes', negativeLabel: 'No', categorical: ['contract'] });
    await ingestTabular(join(dir, 'customers.csv'), config, { outDir: join(dir, 'ingest'), log: memoryLog() });
    const run = await healthscore('train', '--features', join(dir, 'ingest'), '--model', 'logistic', '--models-dir', fx.modelsDir, '--name', 'tabular', '--model-version', 't1');
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(fx.modelsDir, 'tabular', 't1', 'manifest.json'), 'utf8'));
    expect(manifest.split.method).toBe('stratified');
    // Split per class and rounded: 85 churners → 51/9/9/16 (8.5 rounds up), 315 stayers →
    // 189/32/32/62 (31.5 rounds up).
    expect(manifest.split.rows).toEqual({ train: 240, calibration: 41, validation: 41, test: 78 });
    expect(manifest.horizonDays).toBeNull();
  }, 120_000);

  it('rejects a version name that is not a plain folder name, as a wrong flag (exit 1)', async () => {
    const run = await healthscore('train', '--features', fx.features, '--model', 'logistic', '--models-dir', fx.modelsDir, '--model-version', '../x');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('healthscore: --model-version: "../x" may hold only letters, digits, dot, dash or underscore');
    expect(existsSync(join(fx.modelsDir, 'x'))).toBe(false);
  }, 60_000);
});
