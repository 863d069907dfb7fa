/**
 * The pipelines/ scripts run the `healthscore` commands themselves: the same flags, help,
 * validation and exit codes, plus a script's run-folder defaults.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-data.ts';
import { runNode, type CommandResult } from '../support/run-process.ts';

/** Runs a script in `node --import tsx` (one process, as a scheduler would see it), without blocking the test worker. */
function script(name: string, ...args: string[]): Promise<CommandResult> {
  return runNode(['--import', 'tsx', join(REPO_ROOT, 'pipelines', name), ...args], REPO_ROOT);
}

describe('pipelines/ scripts', () => {
  it('02-ingest takes the flags of healthscore ingest and writes the clean store', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hs-pipe-')), 'ingest');
    const run = await script('02-ingest.ts', '--data', join(REPO_ROOT, 'data', 'sample'), '--out', out, '--quiet');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`clean tables in ${out}/tables`);
    expect(existsSync(join(out, 'tables', 'customers.parquet'))).toBe(true);
  }, 60_000);

  it('show the command’s help and stop on its flag problems with its exit code and message', async () => {
    const help = await script('03-features.ts', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: healthscore features \[options\]/);
    expect(help.stdout).toContain('--threads <n>');
    const bad = await script('01-generate.ts', '--customers', 'many', '--out', join(tmpdir(), 'hs-pipe-never'));
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('healthscore: --customers: expected a whole number');
  }, 60_000);
});
