/**
 * Saving and loading a model bundle as `models/<name>/<version>/`: `manifest.json` (`ModelManifest`, with the
 * sha256 of every other file) and the model, `gbdt.json` or the logistic artifact (`model.json`, `weights.bin`,
 * `logistic.json`). Loading checks both; a problem is a one-line user error naming the file. I/O module.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';
import { GbdtSpec } from '../learn/gbdt/index.ts';
import { logisticModel } from '../learn/logistic/logistic-model.ts';
import { ModelManifest } from './model-bundle.ts';
import type { ModelBundle, ModelFacts } from './model-bundle.ts';
import type { TrainedModel } from '../learn/train-churn-model.ts';
import { verifyArtifactFiles, writeArtifactFiles } from '../learn/artifacts/artifact-directory.ts';
import { sha256 } from '../learn/artifacts/checksum.ts';
import { loadLogisticArtifact, parseArtifactJson, saveLogisticArtifact } from '../learn/artifacts/logistic-artifact.ts';
import { MANIFEST_FILE, libraryVersions } from '../learn/artifacts/manifest-base.ts';

export const GBDT_JSON = 'gbdt.json';

export function versionDir(modelsDir: string, name: string, version: string): string {
  return join(modelsDir, name, version);
}

/** Writes a new version directory; refuses an existing one (a saved version is immutable). */
export async function saveModelBundle(dir: string, trained: TrainedModel, facts: ModelFacts, createdAt = new Date()): Promise<ModelManifest> {
  if (trained.fitted.kind === 'logistic') {
    const manifest = await saveLogisticArtifact(dir, logisticModel(trained.fitted.spec), trained.preprocessor, { manifest: facts, createdAt });
    return ModelManifest.parse(manifest);
  }
  const trees = JSON.stringify(trained.fitted.spec);
  const manifest = ModelManifest.parse({
    ...facts,
    formatVersion: 1,
    modelKind: 'gbdt',
    createdAt: createdAt.toISOString(),
    files: { [GBDT_JSON]: sha256(trees) },
    preprocessing: trained.preprocessor,
    libraries: libraryVersions('none'),
  });
  await writeArtifactFiles(dir, { [GBDT_JSON]: trees, [MANIFEST_FILE]: JSON.stringify(manifest, null, 2) });
  return manifest;
}

/** The manifest alone, validated but no checksum verified: enough to open the input while the model loads. */
export async function readModelManifest(dir: string): Promise<ModelManifest> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new UserError(`no model at ${dir}: ${MANIFEST_FILE} is missing`, ExitCode.modelMismatch);
  return parseArtifactJson(manifestPath, await readFile(manifestPath, 'utf8'), ModelManifest);
}

export async function loadModelBundle(dir: string): Promise<ModelBundle> {
  const manifest = await readModelManifest(dir);
  if (manifest.modelKind === 'logistic') {
    const loaded = await loadLogisticArtifact(dir, ModelManifest);
    return { manifest: loaded.manifest, fitted: { kind: 'logistic', spec: loaded.model.spec } };
  }
  await verifyArtifactFiles(dir, manifest.files);
  const specPath = join(dir, GBDT_JSON);
  const spec = parseArtifactJson(specPath, await readFile(specPath, 'utf8'), GbdtSpec);
  if (spec.featureNames.length !== manifest.preprocessing.columns.length) {
    throw new UserError(`${specPath}: ${spec.featureNames.length} tree inputs, the preprocessing makes ${manifest.preprocessing.columns.length}`, ExitCode.modelMismatch);
  }
  return { manifest, fitted: { kind: 'gbdt', spec } };
}
