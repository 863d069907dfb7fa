/**
 * Vitest global setup: brings dist/ up to date with src/ once per test run, for the tests that
 * run the compiled command (bin/healthscore.js) or pack the package. The build is incremental
 * (`tsc -b`: only what changed is emitted). It leaves the output of a deleted or renamed source
 * file behind, so such files are removed here: a pack of dist/ then holds no stale module.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not shared-data.ts's REPO_ROOT: that module imports vitest's test API, which a global setup cannot.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(REPO_ROOT, 'dist');
const OUTPUT = /\.(js|d\.ts)(\.map)?$/;

/** Files under dist/ that tsc emitted for a source file src/ no longer has. */
function orphans(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return orphans(path);
    if (!OUTPUT.test(entry.name)) return [];
    const source = join(REPO_ROOT, 'src', relative(DIST, path).replace(OUTPUT, '.ts'));
    return existsSync(source) ? [] : [path];
  });
}

export default function setup(): void {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal}):\n${build.stdout}${build.stderr}`);
  for (const path of orphans(DIST)) rmSync(path);
}
