/**
 * data/sample is the generator's output for the command in its README; this regenerates it and
 * compares bytes, so a generator change that is not followed by a new sample fails here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/data/contract.ts';
import { writeDataset } from '../../src/synth/write-dataset.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

const SAMPLE = join(REPO_ROOT, 'data', 'sample');
const COMMAND = 'generate --customers 2000 --months 12 --seed 42 --out data/sample';
const out = mkdtempSync(join(tmpdir(), 'hs-sample-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('data/sample', () => {
  it('documents the command that produced it', () => {
    expect(readFileSync(join(SAMPLE, 'README.md'), 'utf8')).toContain(COMMAND);
  });

  it('is exactly what that command generates today', async () => {
    await writeDataset({ customers: 2000, months: 12, seed: 42 }, out);
    for (const t of TABLE_NAMES) {
      const same = readFileSync(join(out, `${t}.csv`)).equals(readFileSync(join(SAMPLE, `${t}.csv`)));
      expect(same, `${t}.csv differs: regenerate with healthscore ${COMMAND}`).toBe(true);
    }
  });
});
