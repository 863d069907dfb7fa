/**
 * A reader that stops reading (`healthscore --help | head -1`) closes the pipe under the command.
 * The command must end quietly then, as Unix tools do: exit 0, nothing on stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-data.ts';

const BIN = join(REPO_ROOT, 'bin', 'healthscore.js');

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  read: string;
  stderr: string;
}

/**
 * Runs the command with its stdout read by a reader that leaves early: before any output when
 * `lines` is 0 (deterministic: the command's first write meets a closed pipe), else after that
 * many lines, like `| head -n lines`.
 */
function runIntoLeavingReader(args: string[], lines: number): Promise<Ended> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let read = '';
  let stderr = '';
  if (lines === 0) child.stdout.destroy();
  child.stdout.on('data', (chunk: Buffer) => {
    read += chunk.toString('utf8');
    if (read.split('\n').length > lines) child.stdout.destroy();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, read, stderr })));
}

describe('a reader closing the pipe early', () => {
  it('ends `--help` with exit 0 and nothing on stderr', async () => {
    const ended = await runIntoLeavingReader(['--help'], 0);
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(0);
  });

  it('ends a command that prints its result (`ahp --json`) with exit 0 and nothing on stderr', async () => {
    const config = join(REPO_ROOT, 'models', 'ahp', 'practice-satisfaction-repeat-interaction-profit.json');
    const ended = await runIntoLeavingReader(['ahp', '--config', config, '--json'], 0);
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(0);
  });

  it('ends a command that keeps printing progress (`generate`) after the first line, with exit 0 and nothing on stderr', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hs-epipe-')), 'data');
    const ended = await runIntoLeavingReader(['generate', '--customers', '2000', '--months', '12', '--out', out], 1);
    expect(ended.read).toMatch(/^generate: /);
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(0);
  });
});
