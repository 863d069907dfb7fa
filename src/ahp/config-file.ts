/**
 * Reads an AHP config file: JSON, validated against `AhpConfig`, then weighed. The one module of
 * src/ahp that touches the file system, so that the CLI (`healthscore ahp`, `compare`, `run`)
 * reads configs one way. Every problem comes back as a line naming the file and the place in it.
 */
import { readFileSync } from 'node:fs';
import { AhpConfig } from './config.ts';
import { hierarchyWeights, type AhpWeights } from './hierarchy-weights.ts';

export type AhpConfigFileResult =
  | { ok: true; config: AhpConfig; weights: AhpWeights }
  | { ok: false; problems: string[] };

/** Validates parsed JSON; `source` names the file in messages. */
export function parseAhpConfig(json: unknown, source: string): AhpConfigFileResult {
  const parsed = AhpConfig.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${source}: ${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`),
    };
  }
  const r = hierarchyWeights(parsed.data, source);
  return r.ok ? { ok: true, config: parsed.data, weights: r.weights } : r;
}

export function readAhpConfig(path: string): AhpConfigFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problems: [`${path}: cannot read the AHP config (${code ?? String(err)})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid JSON (${(err as Error).message})`] };
  }
  return parseAhpConfig(json, path);
}
