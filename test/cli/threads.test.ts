/** `--threads N` on the commands that compute in parallel: listed in their help, checked, and applied before the command runs. */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, main } from '../../src/cli/main.ts';
import { defaultThreads, setDefaultThreads } from '../../src/parallel/pool.ts';

const before = defaultThreads();
afterEach(() => {
  setDefaultThreads(before);
  vi.restoreAllMocks();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((m: unknown) => void err.push(String(m)));
  vi.spyOn(process.stdout, 'write').mockImplementation((m: string | Uint8Array) => (out.push(String(m)), true));
  return { out, err };
}

// A score job that stops at once, after its flags are applied: there is no model there (exit 4).
const missingModel = ['--model', join(tmpdir(), 'hs-no-such-model'), '--data', 'data/sample', '--as-of', '2024-12-01', '--out', join(tmpdir(), 'hs-x.csv')];

describe('healthscore --threads', () => {
  it('is an option of the commands that compute in parallel, and of no other', () => {
    const program = buildProgram();
    const listed = program.commands.filter((cmd) => cmd.helpInformation().includes('--threads <n>')).map((cmd) => cmd.name());
    expect(listed).toEqual(['features', 'train', 'calibrate', 'evaluate', 'compare', 'score', 'run']);
  });

  it('is explained in the program help', async () => {
    const { out } = capture();
    expect(await main(['--help'])).toBe(0);
    expect(out.join('')).toContain('Commands that compute in parallel (features, train, calibrate, evaluate, compare, score, run)\ntake --threads N');
  });

  it('sets the default thread count before the command runs, and the machine’s cores without it', async () => {
    capture();
    expect(await main(['score', '--threads', '3', ...missingModel])).toBe(4);
    expect(defaultThreads()).toBe(3);
    expect(await main(['score', ...missingModel])).toBe(4);
    expect(defaultThreads()).toBe(availableParallelism());
  });

  it('stops with exit code 1 and one line for a value that is not a positive whole number', async () => {
    for (const bad of ['0', '-2', '1.5', 'many']) {
      const { err } = capture();
      expect(await main(['score', '--threads', bad, ...missingModel])).toBe(1);
      expect(err).toEqual([`healthscore: --threads: "${bad}" is not a positive whole number`]);
      vi.restoreAllMocks();
    }
    expect(defaultThreads()).toBe(before);
  });
});
