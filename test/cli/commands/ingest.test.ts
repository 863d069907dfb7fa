/**
 * `healthscore ingest` as a user runs it: a child process, so the exit code and what reaches
 * the terminal are the real ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/shared-data.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function healthscore(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tsxCli, join(REPO_ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string): string => join('test', 'fixtures', 'broken', name, 'data');

describe('healthscore ingest', () => {
  it('exits 3 with one line naming the file, and no stack trace, for an unreadable encoding', () => {
    const out = mkdtempSync(join(tmpdir(), 'hs-cli-'));
    const run = healthscore('ingest', '--data', fixture('utf16-with-bom'), '--out', out);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr.trim()).toBe(
      `healthscore: ${join(fixture('utf16-with-bom'), 'customers.csv')}: unreadable encoding: UTF-16 little-endian (save it as UTF-8)`,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 0 and prints the summary table when rows are only quarantined', () => {
    const out = mkdtempSync(join(tmpdir(), 'hs-cli-'));
    const run = healthscore('ingest', '--data', fixture('nps-out-of-range'), '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^surveys\s+\S+surveys\.csv\s+csv\s+5\s+2\s+3\s+out_of_range 2, not_integer 1$/m);
  });
});
