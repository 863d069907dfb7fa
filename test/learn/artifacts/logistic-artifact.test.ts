import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadLogisticArtifact, saveLogisticArtifact } from '../../../src/learn/artifacts/logistic-artifact.ts';
import { ManifestBase } from '../../../src/learn/artifacts/manifest-base.ts';
import { sha256 } from '../../../src/learn/artifacts/checksum.ts';
import { fitLogistic } from '../../../src/learn/logistic/fit.ts';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import { transform } from '../../../src/learn/preprocess/transform.ts';
import { selectBackend } from '../../../src/runtime/backend.ts';

const table = {
  tenure: [1, 5, 12, 30, 2, null, 40, 7],
  plan: ['basic', 'pro', 'pro', 'basic', 'basic', 'pro', 'pro', ''],
};
const churned = [1, 1, 0, 0, 1, 0, 0, 1];

async function fitted() {
  const prep = fitPreprocessor(table, { features: ['tenure', 'plan'], categorical: ['plan'] });
  const enc = transform(prep, table);
  const model = logisticModel(await fitLogistic(enc.matrix, churned, enc.columnNames));
  return { prep, enc, model };
}

describe('logistic artifact', () => {
  beforeAll(async () => {
    await selectBackend();
  });

  it('round-trips: the loaded model scores exactly like the saved one', async () => {
    const { prep, enc, model } = await fitted();
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-la-')), 'churn', 'v1');
    await saveLogisticArtifact(dir, model, prep);
    const loaded = await loadLogisticArtifact(dir);
    expect(loaded.preprocessor).toEqual(prep);
    expect(loaded.model.margin(transform(loaded.preprocessor, table).matrix)).toEqual(model.margin(enc.matrix));
  });

  it('records every file with its sha256, the preprocessing and the library versions', async () => {
    const { prep, model } = await fitted();
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-la-')), 'v1');
    const manifest = await saveLogisticArtifact(dir, model, prep, { createdAt: new Date('2026-01-02T03:04:05Z') });
    expect(Object.keys(manifest.files).sort()).toEqual(['logistic.json', 'model.json', 'weights.bin']);
    expect(manifest.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(manifest.libraries.tfjs).toBe('4.22.0');
    expect(ManifestBase.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')))).toEqual(manifest);
  });

  it('keeps the caller\'s extra files and manifest fields, loadable with an extended schema', async () => {
    const { prep, model } = await fitted();
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-la-')), 'v1');
    await saveLogisticArtifact(dir, model, prep, { extraFiles: { 'calibrator.json': '{"a":1}' }, manifest: { horizonDays: 90 } });
    const loaded = await loadLogisticArtifact(dir, ManifestBase.extend({ horizonDays: z.number() }));
    expect(loaded.manifest.horizonDays).toBe(90);
    expect(Object.keys(loaded.manifest.files)).toContain('calibrator.json');
  });

  it('stops with a message naming the file when a file fails its checksum', async () => {
    const { prep, model } = await fitted();
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-la-')), 'v1');
    await saveLogisticArtifact(dir, model, prep);
    const path = join(dir, 'logistic.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"intercept":', '"intercept":1e-9+'));
    await expect(loadLogisticArtifact(dir)).rejects.toThrow(/logistic\.json fails its checksum/);
  });

  it('stops when the LayersModel\'s weights are not the rounding of logistic.json\'s coefficients, even with checksums to match', async () => {
    const { prep, model } = await fitted();
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-la-')), 'v1');
    await saveLogisticArtifact(dir, model, prep);
    const weights = readFileSync(join(dir, 'weights.bin'));
    weights.writeFloatLE(weights.readFloatLE(0) + 0.5, 0);
    writeFileSync(join(dir, 'weights.bin'), weights);
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    manifest.files['weights.bin'] = sha256(weights);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    await expect(loadLogisticArtifact(dir)).rejects.toThrow(/model\.json: weights do not match logistic\.json/);
  });

  it('stops with a message naming manifest.json when it does not match the schema', async () => {
    const { prep, model } = await fitted();
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-la-')), 'v1');
    await saveLogisticArtifact(dir, model, prep);
    const path = join(dir, 'manifest.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"formatVersion": 1', '"formatVersion": 2'));
    await expect(loadLogisticArtifact(dir)).rejects.toThrow(/manifest\.json: formatVersion/);
  });

  it('reports a directory without a model in one line', async () => {
    await expect(loadLogisticArtifact(mkdtempSync(join(tmpdir(), 'hs-la-')))).rejects.toThrow(/manifest\.json is missing/);
  });
});
