/**
 * Reads an AHP config file (JSON, checked against `AhpConfig`) and weighs it: the one module of src/ahp that
 * touches the file system. Every problem comes back as a line naming the file and the place in it.
 */
import { readJsonFile, schemaProblems } from '../data/json-file.ts';
import { UserError } from '../diagnostics/user-error.ts';
import { AhpConfig } from './config.ts';
import { hierarchyWeights, type AhpWeights } from './hierarchy-weights.ts';

export type AhpConfigFileResult =
  | { ok: true; config: AhpConfig; weights: AhpWeights }
  | { ok: false; problems: string[] };

/** Validates parsed JSON; `source` names the file in messages. */
export function parseAhpConfig(json: unknown, source: string): AhpConfigFileResult {
  const parsed = AhpConfig.safeParse(json);
  return parsed.success ? weigh(parsed.data, source) : { ok: false, problems: schemaProblems(parsed.error, source) };
}

export function readAhpConfig(path: string): AhpConfigFileResult {
  let config: AhpConfig;
  try {
    config = readJsonFile(path, AhpConfig, { what: 'the AHP config' });
  } catch (err) {
    if (err instanceof UserError) return { ok: false, problems: [err.message] };
    throw err;
  }
  return weigh(config, path);
}

function weigh(config: AhpConfig, source: string): AhpConfigFileResult {
  const r = hierarchyWeights(config, source);
  return r.ok ? { ok: true, config, weights: r.weights } : r;
}
