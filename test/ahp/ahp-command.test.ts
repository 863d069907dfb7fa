// Tests src/cli/commands/ahp.ts (kept beside the AHP tests, which this helper owns).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/diagnostics/user-error.ts';
import { main } from '../../src/cli/main.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((m: unknown) => void out.push(String(m)));
  vi.spyOn(console, 'error').mockImplementation((m: unknown) => void err.push(String(m)));
  vi.spyOn(process.stdout, 'write').mockImplementation((m: string | Uint8Array) => (out.push(String(m)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

const example = (f: string) => join(REPO_ROOT, 'models', 'ahp', f);

describe('healthscore ahp', () => {
  it('prints weights, λmax, CI and CR of a config', async () => {
    const { out } = capture();
    const code = await main(['ahp', '--config', example('practice-amount-interaction-satisfaction.json')]);
    expect(code).toBe(ExitCode.ok);
    const text = out.join('\n');
    expect(text).toMatch(/purchase amount\s+41\.4%\s+41\.4%/);
    expect(text).toMatch(/λmax 3\.0000\s+CI 0\.0000\s+RI 0\.52\s+CR 0\.0000/);
    expect(text).toMatch(/amount_365d\s+27\.6%/);
  });

  it('prints JSON with --json', async () => {
    const { out } = capture();
    await main(['ahp', '--config', example('cdnow-rfm.json'), '--json']);
    const w = JSON.parse(out.join('')) as { indicators: unknown[] };
    expect(w.indicators).toHaveLength(5);
  });

  it('warns about inconsistent judgments, naming the judgment to change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ahp-cli-'));
    const file = join(dir, 'w.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'inconsistent',
        dimensions: ['satisfaction', 'loyalty', 'activity', 'financial'].map((name) => ({ name, indicators: [{ feature: `${name}_x` }] })),
        judgments: { method: 'pairwise', judges: [{ judge: 'A', matrix: [[1, 2, 4, '1/8'], [null, 1, 2, 4], [null, null, 1, 2], [null, null, null, 1]] }] },
      }),
    );
    const { err } = capture();
    expect(await main(['ahp', '--config', file])).toBe(ExitCode.ok);
    expect(err.join('\n')).toMatch(/^warning: .*consistency ratio .* above 0\.1.*\(satisfaction, financial\) from 1\/8 to 8/m);
  });

  it('reports a mistake in the config as one line naming the file and cell, exit code 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ahp-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        dimensions: [{ name: 'a', indicators: [{ feature: 'f' }] }, { name: 'b', indicators: [{ feature: 'g' }] }],
        judgments: { method: 'pairwise', judges: [{ judge: 'A', matrix: [[1, 3], [2, 1]] }] },
      }),
    );
    const { err } = capture();
    expect(await main(['ahp', '--config', file])).toBe(ExitCode.badInput);
    expect(err).toEqual([`healthscore: ${file}: dimensions: judge "A": cell (b, a) is 2 but must be the reciprocal of (a, b) = 3, i.e. 1/3 (or leave it null)`]);
  });

  it('checks indicators against a feature dictionary when given one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ahp-cli-'));
    const dict = join(dir, 'dictionary.json');
    writeFileSync(dict, JSON.stringify([]));
    const { err } = capture();
    expect(await main(['ahp', '--config', example('cdnow-rfm.json'), '--dictionary', dict])).toBe(ExitCode.badInput);
    expect(err[0]).toMatch(/indicator "days_since_last_purchase" \(dimension "recency"\) is not a feature in the dictionary/);
  });

  it('shows examples in --help', async () => {
    const { out } = capture();
    expect(await main(['ahp', '--help'])).toBe(ExitCode.ok);
    expect(out.join('')).toMatch(/Examples:\n\s+healthscore ahp --config models\/ahp\//);
  });
});
