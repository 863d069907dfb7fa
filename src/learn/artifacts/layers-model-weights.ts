/**
 * The weights of a saved LayersModel read without TensorFlow.js, apart from layers-model-files.ts,
 * so that loading a saved model (a scoring job) does not import tfjs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../../data/json-file.ts';
import { ExitCode, UserError } from '../../diagnostics/user-error.ts';

export const MODEL_JSON = 'model.json';

/** The part of model.json that says where the weights are (tfjs's `WeightsManifestConfig`). */
const ModelJsonWeights = z.object({
  weightsManifest: z.array(
    z.object({
      paths: z.array(z.string()).min(1),
      weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()), dtype: z.string(), quantization: z.unknown().optional() })),
    }),
  ),
});

/**
 * Every weight of the LayersModel in `dir`, in model.json's order: float32, unquantised, as
 * `layersModelFiles` writes them. The topology is not parsed: the manifest's checksums vouch for it.
 */
export async function layersModelWeights(dir: string): Promise<Float32Array> {
  const path = join(dir, MODEL_JSON);
  const fail = (why: string): never => {
    throw new UserError(`${path}: ${why}`, ExitCode.modelMismatch);
  };
  const { weightsManifest } = readJsonFile(path, ModelJsonWeights, { what: 'the model', exitCode: ExitCode.modelMismatch });
  const values: number[] = [];
  for (const group of weightsManifest) {
    const bytes = Buffer.concat(await Promise.all(group.paths.map((p) => readFile(join(dir, p)))));
    let at = 0;
    for (const w of group.weights) {
      if (w.dtype !== 'float32' || w.quantization !== undefined) fail(`weight ${w.name} is ${w.quantization === undefined ? w.dtype : 'quantised'}, expected float32`);
      const n = w.shape.reduce((a, b) => a * b, 1);
      if (at + 4 * n > bytes.length) fail(`weight ${w.name} runs past the end of its ${bytes.length}-byte file(s)`);
      for (let k = 0; k < n; k++, at += 4) values.push(bytes.readFloatLE(at));
    }
    if (at !== bytes.length) fail(`${bytes.length - at} bytes of ${group.paths.join(', ')} belong to no weight`);
  }
  return Float32Array.from(values);
}
