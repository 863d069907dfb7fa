import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryHandler, logisticLayersModel } from '../../../src/learn/artifacts/layers-model-files.ts';
import { layersModelWeights } from '../../../src/learn/artifacts/layers-model-weights.ts';
import { selectBackend } from '../../../src/runtime/backend.ts';

// TensorFlow.js writes the files here (and reads them, as the reference); the module under test does not use it.
describe('LayersModel weights read without TensorFlow.js', () => {
  beforeAll(async () => {
    await selectBackend();
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
