/**
 * A model bundle saved and loaded back scores exactly as the model in memory did (both kinds),
 * and a saved file changed afterwards fails its checksum with exit code 4.
 */
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode, UserError } from '../../src/diagnostics/user-error.ts';
import { memoryLog } from '../support/memory-log.ts';
import { ingestTabular } from '../../src/data/tabular/ingest-tabular.ts';
import { TabularConfig } from '../../src/data/tabular/tabular-config.ts';
import { loadModelBundle } from '../../src/score/bundle-artifact.ts';
import { readLabelledFeatures } from '../../src/run/stages/labelled-features.ts';
import { runTrainStage } from '../../src/run/stages/train-stage.ts';
import { scoreSnapshot } from '../../src/score/score-snapshot.ts';

let root: string;
let features: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hs-bundle-'));
  const lines = ['id,months,charge,contract,left'];
  for (let i = 0; i < 300; i++) {
    const monthly = i % 2 === 0;
    // A blank charge every 13th row exercises the missing-value path of both preprocessings.
    lines.push(`c${i},${(i * 7) % 60},${i % 13 === 0 ? '' : 20 + ((i * 37) % 80)},${monthly ? 'monthly' : 'yearly'},${(monthly ? i % 3 === 0 : i % 11 === 0) ? 'Yes' : 'No'}`);
  }
  writeFileSync(join(root, 'customers.csv'), lines.join('\n') + '\n');
  const config = TabularConfig.parse({ idColumn: 'id', labelColumn: 'left', positiveLabel: 'Yes', negativeLabel: 'No', categorical: ['contract'] });
  features = join(root, 'ingest');
  await ingestTabular(join(root, 'customers.csv'), config, { outDir: features, log: memoryLog() });
}, 60_000);

describe('saveModelBundle / loadModelBundle', () => {
  for (const kind of ['logistic', 'gbdt'] as const) {
    it(`a loaded ${kind} bundle gives the same calibrated probabilities as the trained model`, async () => {
      const trained = await runTrainStage({ features, model: kind, modelsDir: join(root, 'models'), name: kind, version: 'v1' }, memoryLog());
      const loaded = await loadModelBundle(trained.modelDir);
      const { splits } = await readLabelledFeatures(features);
      const scores = scoreSnapshot(loaded, splits.test, { reasons: false });
      if ('problem' in scores) throw new Error(scores.problem);
      expect(Array.from(scores.churnProbability)).toEqual(Array.from(trained.candidate.test.probabilities));
      // With reasons the design matrix is built; without, a logistic model scores the raw columns
      // (raw-margin.ts): the same margins bit for bit.
      const explained = scoreSnapshot(loaded, splits.test, { reasons: true });
      if ('problem' in explained) throw new Error(explained.problem);
      expect(explained.margin.every((m, i) => Object.is(m, scores.margin[i]))).toBe(true);
    }, 60_000);
  }

  it('refuses a bundle whose file changed after saving, with exit code 4', async () => {
    const trained = await runTrainStage({ features, model: 'gbdt', modelsDir: join(root, 'models'), name: 'tampered', version: 'v1' }, memoryLog());
    appendFileSync(join(trained.modelDir, 'gbdt.json'), ' ');
    const error = await loadModelBundle(trained.modelDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(ExitCode.modelMismatch);
    expect((error as UserError).message).toMatch(/gbdt\.json/);
  }, 60_000);
});
