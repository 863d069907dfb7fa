import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryHandler, layersModelFiles, layersModelWeights, logisticLayersModel } from '../../../src/learn/artifacts/layers-model-files.ts';
import { selectBackend } from '../../../src/runtime/backend.ts';

describe('logistic LayersModel files', () => {
  beforeAll(async () => {
    await selectBackend();
  });

  it('predicts σ(x·β + b)', () => {
    const model = logisticLayersModel([2, -1], 0.5);
    const p = tf.tidy(() => (model.predict(tf.tensor2d([[1, 1]])) as tf.Tensor).dataSync()[0]);
    model.dispose();
    expect(p).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 6);
  });

  it('saves model.json and weights.bin through the directory handler and loads them back with tf.loadLayersModel', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-layers-')), 'v1');
    const model = logisticLayersModel([0.25, -3, 1.5], -0.75);
    await model.save(directoryHandler(dir));
    model.dispose();
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await tf.loadLayersModel(directoryHandler(dir));
    const weights = loaded.getWeights().map((w) => Array.from(w.dataSync()));
    loaded.dispose();
    expect(weights).toEqual([[0.25, -3, 1.5], [-0.75]]);
  });

  it('serialises in memory to the same two files, the weights as 4 float32 bytes each', async () => {
    const model = logisticLayersModel([1, 2], 3);
    const files = await layersModelFiles(model);
    model.dispose();
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    expect((files['weights.bin'] as Uint8Array).byteLength).toBe(12);
  });

  it('reads the weights back from the files without TensorFlow.js, as tf.loadLayersModel does', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-layers-')), 'v1');
    const beta = [0.1, -3.3, 1e-8, 7];
    const model = logisticLayersModel(beta, -0.7);
    await model.save(directoryHandler(dir));
    model.dispose();
    const loaded = await tf.loadLayersModel(directoryHandler(dir));
    const viaTfjs = loaded.getWeights().flatMap((w) => Array.from(w.dataSync()));
    loaded.dispose();
    const read = await layersModelWeights(dir);
    expect(Array.from(read)).toEqual(viaTfjs);
    expect(read).toEqual(Float32Array.from([...beta, -0.7]));
  });

  it('names model.json when its weights do not fit their files or are not float32', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hs-layers-')), 'v1');
    const model = logisticLayersModel([1, 2], 3);
    await model.save(directoryHandler(dir));
    model.dispose();
    const path = join(dir, 'model.json');
    const json = readFileSync(path, 'utf8');
    const edit = async (from: string, to: string): Promise<unknown> => {
      writeFileSync(path, json.replace(from, to));
      return layersModelWeights(dir).catch((e: Error) => e.message);
    };
    expect(await edit('"shape":[2,1]', '"shape":[3,1]')).toMatch(/model\.json: weight .*bias runs past the end of its 12-byte file/);
    expect(await edit('"shape":[2,1]', '"shape":[1,1]')).toMatch(/model\.json: 4 bytes of weights\.bin belong to no weight/);
    expect(await edit('"shape":[2,1],"dtype":"float32"', '"shape":[2,1],"dtype":"int32"')).toMatch(/model\.json: weight .* is int32, expected float32/);
    expect(await edit('"weightsManifest"', '"weightsManifestX"')).toMatch(/model\.json: weightsManifest: /);
  });
});
