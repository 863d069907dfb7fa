/** The parts of `manifest.json` every saved model has; the pipeline extends it (`ManifestBase.extend`). */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { PreprocessorSpec } from '../preprocess/spec.ts';

export const MANIFEST_FILE = 'manifest.json';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 as 64 lowercase hex digits');

export const ManifestBase = z.object({
  formatVersion: z.literal(1),
  modelKind: z.enum(['logistic', 'gbdt']),
  /** ISO 8601 UTC. */
  createdAt: z.iso.datetime(),
  /** Every other file of the version directory → its sha256. */
  files: z.record(z.string(), Sha256Hex),
  preprocessing: PreprocessorSpec,
  /** e.g. { tfjs: "4.22.0", node: "20.19.0", backend: "wasm" }. */
  libraries: z.record(z.string(), z.string()),
});
export type ManifestBase = z.infer<typeof ManifestBase>;

/**
 * Versions that decide whether a saved model reproduces: tfjs, Node and the fitting backend. tfjs's
 * comes from its package.json (as `tf.version.tfjs`), so loading a model does not import tfjs.
 */
export function libraryVersions(backend: string): Record<string, string> {
  const tfjs = (createRequire(import.meta.url)('@tensorflow/tfjs/package.json') as { version: string }).version;
  return { tfjs, node: process.versions.node, backend };
}
