/** The package's public entries (issue 18): specifier → source file. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicEntries } from '../support/doc-examples.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

export const PUBLIC_ENTRIES: PublicEntries = {
  healthscore: join(REPO_ROOT, 'src', 'index.ts'),
  'healthscore/ahp': join(REPO_ROOT, 'src', 'ahp', 'index.ts'),
  'healthscore/value': join(REPO_ROOT, 'src', 'value', 'index.ts'),
};

/** The entries whose files exist: a missing one fails its own test rather than the whole file. */
export function presentEntries(entries: PublicEntries): PublicEntries {
  return Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
}
