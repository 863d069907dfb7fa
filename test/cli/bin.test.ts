/**
 * bin/healthscore.js, the installed command: the compiled CLI (dist/, built by the test run's global
 * setup) in its own process, with the CLI's output and exit codes, from any working directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared-data.ts';

const BIN = join(REPO_ROOT, 'bin', 'healthscore.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: tmpdir(), encoding: 'utf8', timeout: 60_000 });

describe('bin/healthscore.js', () => {
  it('prints the version and the command list', () => {
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe('0.1.0');
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('score');
  });

  it('prints the same help as the CLI run from source', () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const source = spawnSync(process.execPath, [tsx, join(REPO_ROOT, 'src', 'cli', 'main.ts'), '--help'], { cwd: tmpdir(), encoding: 'utf8', timeout: 60_000 });
    expect(source.status).toBe(0);
    expect(run('--help').stdout).toBe(source.stdout);
  });

  it('passes the CLI exit codes through: 1 for wrong flags, 4 for a missing model', () => {
    expect(run('no-such-command').status).toBe(1);
    const missing = run('score', '--model', join(tmpdir(), 'no-such-model'), '--data', join(REPO_ROOT, 'data', 'sample'), '--as-of', '2024-12-01', '--out', join(tmpdir(), 'x.csv'));
    expect(missing.status).toBe(4);
    expect(missing.stderr).toMatch(/^healthscore: no model at .*no-such-model: manifest\.json is missing/);
  });

  // A scheduler that kills the command must end the job: an earlier launcher ran the CLI in a
  // grandchild process (the tsx command), which outlived a SIGKILL of the command.
  it.skipIf(process.platform !== 'linux')('runs the CLI in its own process, with no child process left behind', async () => {
    const out = join(tmpdir(), `hs-bin-${process.pid}`);
    const child = spawn(process.execPath, [BIN, 'generate', '--customers', '3000', '--months', '24', '--out', out], { stdio: 'ignore' });
    const closed = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 1500));
    // Node processes whose parent is the command.
    const children = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(child.pid) && readlinkSync(`/proc/${d}/exe`) === realpathSync(process.execPath);
        } catch {
          return false;
        }
      });
    child.kill('SIGKILL');
    await closed;
    rmSync(out, { recursive: true, force: true });
    expect(children).toEqual([]);
  });
});
