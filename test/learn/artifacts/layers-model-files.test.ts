import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryHandler, layersModelFiles, logisticLayersModel } from '../../../src/learn/artifacts/layers-model-files.ts';
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
});
