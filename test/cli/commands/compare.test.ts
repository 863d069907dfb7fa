/**
 * `healthscore compare` as a user runs it (child process): the AHP comparison of a saved model.
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

describe('healthscore compare', () => {
  it('writes the comparison of the shipped practice weights with the model', async () => {
    const out = join(fx.root, 'comparison.json');
    const run = await healthscore('compare', '--model', fx.model, '--features', fx.features, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const comparison = JSON.parse(readFileSync(out, 'utf8'));
    expect(comparison.models.map((m: { model: string }) => m.model)).toEqual(['logistic']);
    expect(comparison.evaluations.map((e: { name: string }) => e.name)).toEqual(['ahp', 'ahp-fitted', 'logistic']);
    const dims = comparison.models[0].dimensions as Array<{ ahpWeight: number; learnedShare: number }>;
    // Weights and shares are both distributions over the dimensions.
    expect(dims.reduce((s, d) => s + d.ahpWeight, 0)).toBeCloseTo(1, 9);
    expect(dims.reduce((s, d) => s + d.learnedShare, 0)).toBeCloseTo(1, 9);
    expect(run.stdout).toMatch(/^satisfaction\s+AHP weight\s+30%/m);
  }, 60_000);

  it('exits 3 with one line naming a missing AHP config', async () => {
    const missing = join(fx.root, 'no-such-ahp.json');
    const run = await healthscore('compare', '--model', fx.model, '--features', fx.features, '--ahp', missing, '--out', join(fx.root, 'c.json'));
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(missing);
    expect(hasStackTrace(run.stderr)).toBe(false);
  }, 60_000);
});
