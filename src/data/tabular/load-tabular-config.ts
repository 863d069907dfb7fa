/** Reads a tabular config and resolves its `file` against the config's folder, so the two can travel together. */
import { dirname, resolve } from 'node:path';
import { readJsonFile } from '../json-file.ts';
import { TabularConfig } from './tabular-config.ts';

export function loadTabularConfig(path: string): { config: TabularConfig; file: string | null } {
  const config = readJsonFile(path, TabularConfig, { what: 'the tabular config' });
  return { config, file: config.file === undefined ? null : resolve(dirname(path), config.file) };
}
