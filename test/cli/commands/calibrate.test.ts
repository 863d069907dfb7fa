/**
 * `healthscore calibrate` as a user runs it (child process): a new version with a refitted
 * calibrator, the old version untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStageFixture, hasStackTrace, healthscore } from './stage-fixture.ts';
import type { StageFixture } from './stage-fixture.ts';

let fx: StageFixture;

beforeAll(async () => {
  fx = await buildStageFixture({ withModel: true });
}, 120_000);

describe('healthscore calibrate', () => {
  it('saves a new version beside the model, prints both log-losses and leaves the old version as it was', async () => {
    const before = readFileSync(join(fx.model, 'manifest.json'), 'utf8');
    const run = await healthscore('calibrate', '--model', fx.model, '--features', fx.features, '--model-version', 'v1-recal');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/validation log-loss: platt 0\.\d{4}, isotonic 0\.\d{4}, uncalibrated 0\.\d{4}, previous calibrator 0\.\d{4}; kept (platt|isotonic)/);
    const recal = JSON.parse(readFileSync(join(fx.modelsDir, 'churn', 'v1-recal', 'manifest.json'), 'utf8'));
    expect(recal.version).toBe('v1-recal');
    expect(recal.calibrator.kind).toBe(recal.calibration.chosen);
    expect(readFileSync(join(fx.model, 'manifest.json'), 'utf8')).toBe(before);
    // Same features as training: the calibration part is the same, so the same calibrator wins.
    expect(recal.calibrator).toEqual(JSON.parse(before).calibrator);
  }, 60_000);

  it('exits 4 with one line for a model directory without a model', async () => {
    const run = await healthscore('calibrate', '--model', join(fx.root, 'nowhere'), '--features', fx.features);
    expect(run.status).toBe(4);
    expect(run.stderr.trim()).toBe(`healthscore: no model at ${join(fx.root, 'nowhere')}: manifest.json is missing`);
    expect(hasStackTrace(run.stderr)).toBe(false);
  }, 60_000);
});
