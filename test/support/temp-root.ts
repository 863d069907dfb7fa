/**
 * Vitest global setup: the test run's temporary files go under one folder of its own, removed
 * when the run ends. Tests make their folders with `mkdtemp(tmpdir())` and many leave them (about
 * 70 folders per run); `os.tmpdir()` reads TMPDIR, which the test processes, and the CLI and
 * Jupyter processes they start, inherit from here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'healthscore-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
