/**
 * Reads a tabular config file (JSON) and resolves its `file` against the config's folder, so a
 * config can travel with the data it describes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../diagnostics/user-error.ts';
import { TabularConfig } from './tabular-config.ts';

export function loadTabularConfig(path: string): { config: TabularConfig; file: string | null } {
  if (!existsSync(path)) throw new UserError(`${path}: config file not found`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = TabularConfig.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${path}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  const file = parsed.data.file === undefined ? null : resolve(dirname(path), parsed.data.file);
  return { config: parsed.data, file };
}
