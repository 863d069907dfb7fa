/**
 * A fitted logistic regression as a TensorFlow.js LayersModel (Dense(1, sigmoid)) in the standard
 * "layers-model" files, and a file-system IOHandler (`@tensorflow/tfjs` alone has no `file://` one).
 */
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeArtifactFiles } from './artifact-directory.ts';
import { MODEL_JSON } from './layers-model-weights.ts';

export const WEIGHTS_BIN = 'weights.bin';

/** Dense(1, sigmoid) on `coefficients.length` inputs, kernel = β and bias = b (float32). */
export function logisticLayersModel(coefficients: readonly number[], intercept: number): tf.LayersModel {
  const p = coefficients.length;
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [p] })] });
  tf.tidy(() => model.setWeights([tf.tensor2d(Float32Array.from(coefficients), [p, 1]), tf.tensor1d([intercept])]));
  return model;
}

/** The files `model.save` would write, in memory (name → content), for checksumming and staging. */
export async function layersModelFiles(model: tf.LayersModel): Promise<Record<string, Uint8Array | string>> {
  let files: Record<string, Uint8Array | string> | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      files = artifactFiles(artifacts);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (files === null) throw new Error('layersModelFiles: the save handler was not called');
  return files;
}

/** An IOHandler on `dir`, saving atomically: `tf.loadLayersModel(directoryHandler(dir))`. */
export function directoryHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts) {
      await writeArtifactFiles(dir, artifactFiles(artifacts));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      const json = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const buffers = [];
        for (const group of manifest) {
          for (const path of group.paths) buffers.push(await readFile(join(dir, path)));
        }
        const all = Buffer.concat(buffers);
        return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
      });
    },
  };
}

function artifactFiles(artifacts: tf.io.ModelArtifacts): Record<string, Uint8Array | string> {
  if (artifacts.weightData === undefined || artifacts.weightSpecs === undefined) throw new Error('layers model has no weights to save');
  const topology = artifacts.modelTopology;
  if (topology === undefined || topology instanceof ArrayBuffer) throw new Error('layers model has no JSON topology to save');
  const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  // The fields tfjs's own http/file handlers write (getModelJSONForModelArtifacts is not exported).
  const json: tf.io.ModelJSON = {
    modelTopology: topology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs }],
  };
  return { [MODEL_JSON]: JSON.stringify(json), [WEIGHTS_BIN]: new Uint8Array(weights) };
}
