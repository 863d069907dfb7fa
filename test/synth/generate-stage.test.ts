import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/user-error.ts';
import { memoryLog } from '../support/memory-log.ts';
import { formatGenerationSummary, generatorConfigFromOptions, runGenerateStage } from '../../src/synth/generate-stage.ts';

const root = mkdtempSync(join(tmpdir(), 'hs-generate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const flags = { customers: '50', months: '3', seed: '9', out: join(root, 'out') };

describe('generatorConfigFromOptions', () => {
  it('turns command-line text into a generator config', () => {
    const { config, truth } = generatorConfigFromOptions({ ...flags, declineShare: '0.1', declineDate: '2024-02-01' });
    expect(config).toMatchObject({ customers: 50, months: 3, seed: 9, start: '2024-01-01', decline: { share: 0.1, date: '2024-02-01' } });
    expect(truth).toBeNull();
  });

  it.each([
    [{ customers: 'many' }, '--customers: expected a whole number'],
    [{ months: '2.5' }, '--months:'],
    [{ seed: '-1' }, '--seed:'],
    [{ start: '2024-02-30' }, '--start: not a real calendar date'],
    [{ declineShare: '0.1' }, '--decline-share and --decline-date go together'],
    [{ declineShare: '2', declineDate: '2024-02-01' }, '--decline-share:'],
    [{ declineShare: '0.1', declineDate: '2025-01-01' }, '--decline-date: must fall inside the generated window'],
  ])('names the flag in the one-line error for %o', (bad, message) => {
    expect(() => generatorConfigFromOptions({ ...flags, ...bad })).toThrowError(UserError);
    expect(() => generatorConfigFromOptions({ ...flags, ...bad })).toThrowError(message);
  });
});

describe('runGenerateStage', () => {
  it('writes the tables, reports progress and summarises the rows', async () => {
    const log = memoryLog();
    const summary = await runGenerateStage({ ...flags, truth: join(root, 'truth.jsonl') }, log);
    expect(readdirSync(flags.out).length).toBe(6);
    expect(log.lines.at(-1)).toBe('generate: 50 / 50 customers');
    expect(formatGenerationSummary(summary)).toContain(`customers                50 rows`);
  });

  it('refuses an output folder holding other files', async () => {
    const out = join(root, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'x');
    await expect(runGenerateStage({ ...flags, out }, memoryLog())).rejects.toThrowError(/holds notes.txt/);
  });

  it('lets a README and dot files stay in the output folder, as ingestion passes over them', async () => {
    const out = join(root, 'documented');
    mkdirSync(out);
    writeFileSync(join(out, 'README.md'), '# sample');
    writeFileSync(join(out, '.gitattributes'), '');
    await runGenerateStage({ ...flags, out }, memoryLog());
    expect(readdirSync(out).length).toBe(8);
  });

  it('refuses a truth file inside the output folder', async () => {
    const out = join(root, 'inside');
    await expect(runGenerateStage({ ...flags, out, truth: join(out, 'truth.jsonl') }, memoryLog())).rejects.toThrowError(
      /must be outside --out/,
    );
  });

  it('creates the truth file\'s folder when it is missing', async () => {
    const truth = join(root, 'deep', 'er', 'truth.jsonl');
    await runGenerateStage({ ...flags, out: join(root, 'with-truth'), truth }, memoryLog());
    expect(readdirSync(join(root, 'deep', 'er'))).toEqual(['truth.jsonl']);
  });

  it('reports a file where the output folder should be as a one-line user error', async () => {
    const blocker = join(root, 'blocker');
    writeFileSync(blocker, 'x');
    await expect(runGenerateStage({ ...flags, out: join(blocker, 'out') }, memoryLog())).rejects.toThrowError(UserError);
  });

  it('overwrites its own earlier tables in the same folder', async () => {
    await expect(runGenerateStage(flags, memoryLog())).resolves.toMatchObject({ config: { customers: 50 } });
  });
});
