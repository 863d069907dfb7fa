/**
 * Saving and loading a fitted logistic regression with its preprocessing as a version directory: the
 * tfjs LayersModel (for tfjs consumers), `logistic.json` (the float64 `LogisticSpec` scoring uses) and
 * `manifest.json` with every other file's sha256. Loading checks the checksums, the schemas, and that
 * the LayersModel holds the float32 rounding of the coefficients.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseJsonText } from '../../data/json-file.ts';
import { ExitCode, UserError } from '../../diagnostics/user-error.ts';
import { logisticModel } from '../logistic/logistic-model.ts';
import type { LogisticModel } from '../logistic/logistic-model.ts';
import { LogisticSpec } from '../logistic/logistic-spec.ts';
import type { PreprocessorSpec } from '../preprocess/spec.ts';
import type { ArtifactContent } from './artifact-directory.ts';
import { verifyArtifactFiles, writeArtifactFiles } from './artifact-directory.ts';
import { sha256 } from './checksum.ts';
import { layersModelWeights } from './layers-model-weights.ts';
import { MANIFEST_FILE, ManifestBase, libraryVersions } from './manifest-base.ts';

export const LOGISTIC_JSON = 'logistic.json';

export interface SaveOptions {
  /** More files for the version directory (calibrator, dictionary, …); they are checksummed too. */
  extraFiles?: Readonly<Record<string, ArtifactContent>>;
  /** More manifest fields (features, metrics, cutoffs, …), validated by the caller's schema on load. */
  manifest?: Readonly<Record<string, unknown>>;
  createdAt?: Date;
}

/** Writes the version directory `dir` (which must not exist) and returns the manifest written. */
export async function saveLogisticArtifact(
  dir: string,
  model: LogisticModel,
  preprocessor: PreprocessorSpec,
  options: SaveOptions = {},
): Promise<ManifestBase & Record<string, unknown>> {
  // Imported here: they import TensorFlow.js, which loading a model (a scoring job) does not need.
  const [{ selectBackend }, { layersModelFiles, logisticLayersModel }] = await Promise.all([
    import('../../runtime/backend.ts'),
    import('./layers-model-files.ts'),
  ]);
  // On the chosen backend: left unchosen, tfjs would fall back to its CPU backend and print its banner.
  await selectBackend();
  const layers = logisticLayersModel(model.spec.coefficients, model.spec.intercept);
  let files: Record<string, ArtifactContent>;
  try {
    files = { ...(await layersModelFiles(layers)), [LOGISTIC_JSON]: JSON.stringify(model.spec), ...options.extraFiles };
  } finally {
    layers.dispose();
  }
  if (Object.hasOwn(files, MANIFEST_FILE)) throw new Error(`saveLogisticArtifact: extra file may not be named ${MANIFEST_FILE}`);
  const base: ManifestBase = {
    formatVersion: 1,
    modelKind: 'logistic',
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    files: Object.fromEntries(Object.entries(files).map(([name, content]) => [name, sha256(content)])),
    preprocessing: preprocessor,
    libraries: libraryVersions(model.spec.fit.backend),
  };
  const manifest = { ...options.manifest, ...ManifestBase.parse(base) };
  await writeArtifactFiles(dir, { ...files, [MANIFEST_FILE]: JSON.stringify(manifest, null, 2) });
  return manifest;
}

export interface LoadedLogistic<M extends ManifestBase> {
  model: LogisticModel;
  preprocessor: PreprocessorSpec;
  manifest: M;
}

/**
 * Reads and verifies a directory written by `saveLogisticArtifact`, its manifest against the
 * caller's extension of `ManifestBase`; a problem is a one-line `UserError` naming the file.
 */
export async function loadLogisticArtifact(dir: string): Promise<LoadedLogistic<ManifestBase>>;
export async function loadLogisticArtifact<M extends ManifestBase>(dir: string, schema: z.ZodType<M>): Promise<LoadedLogistic<M>>;
export async function loadLogisticArtifact(dir: string, schema: z.ZodType<ManifestBase> = ManifestBase): Promise<LoadedLogistic<ManifestBase>> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new UserError(`no model at ${dir}: ${MANIFEST_FILE} is missing`, ExitCode.modelMismatch);
  const manifest = parseArtifactJson(manifestPath, await readFile(manifestPath, 'utf8'), schema);
  if (manifest.modelKind !== 'logistic') throw new UserError(`${manifestPath}: model kind is ${manifest.modelKind}, not logistic`, ExitCode.modelMismatch);
  await verifyArtifactFiles(dir, manifest.files);
  const specPath = join(dir, LOGISTIC_JSON);
  const spec = parseArtifactJson(specPath, await readFile(specPath, 'utf8'), LogisticSpec);
  checkWeightsMatch(await layersModelWeights(dir), spec, dir);
  return { model: logisticModel(spec), preprocessor: manifest.preprocessing, manifest };
}

/** A model file's text parsed as JSON against `schema`, as `parseJsonText`; a problem is a `UserError` with exit code 4. */
export function parseArtifactJson<T>(path: string, text: string, schema: z.ZodType<T>): T {
  return parseJsonText(text, path, schema, { exitCode: ExitCode.modelMismatch });
}

/** The float32 weights (kernel, then bias) must be the rounding of the float64 coefficients: the two files belong together. */
function checkWeightsMatch(actual: Float32Array, spec: LogisticSpec, dir: string): void {
  const expected = Float32Array.from([...spec.coefficients, spec.intercept]);
  if (actual.length !== expected.length || actual.some((v, k) => v !== expected[k])) {
    throw new UserError(`${join(dir, 'model.json')}: weights do not match ${LOGISTIC_JSON}`, ExitCode.modelMismatch);
  }
}
