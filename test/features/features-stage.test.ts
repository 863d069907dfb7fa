import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLog } from '../support/memory-log.ts';
import { main } from '../../src/cli/main.ts';
import { parseCutoffs, runFeaturesStage } from '../../src/features/features-stage.ts';
import { writeContractCsv } from './contract-files.ts';
import { randomHistory } from './random-history.ts';

const root = mkdtempSync(join(tmpdir(), 'hs-stage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const data = join(root, 'data');
writeContractCsv(randomHistory(2, 25), data);

describe('runFeaturesStage', () => {
  it('builds, writes and reports a feature set with the DuckDB engine on contract CSVs', async () => {
    const log = memoryLog();
    const out = join(root, 'out');
    const set = await runFeaturesStage({ data, out, engine: 'duckdb', cutoffs: '2023-10-01,2024-01-01', horizonDays: 60 }, log);
    expect(set.summary.cutoffs.map((c) => c.cutoff)).toEqual(['2023-10-01', '2024-01-01']);
    for (const f of ['features.parquet', 'features.csv', 'feature-dictionary.json', 'feature-summary.json']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    expect(log.lines[0]).toMatch(/^cutoff 2023-10-01: \d+ customers, \d+ labelled, \d+ churned, 0 censored$/);
  });

  it('refuses a folder without customers with a one-line message', async () => {
    await expect(runFeaturesStage({ data: join(root, 'nothing'), out: join(root, 'o2') }, memoryLog())).rejects.toThrow(
      /no tables\/customers.parquet or customers.csv/,
    );
  });
});

describe('parseCutoffs', () => {
  it('reads a list and a monthly range', () => {
    expect(parseCutoffs('2024-01-01,2024-03-01')).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 1)]);
    expect(parseCutoffs('monthly:2024-01-01:2024-03-01')).toHaveLength(3);
  });

  it('names the flag and the bad value', () => {
    expect(() => parseCutoffs('2024-13-01')).toThrow('--cutoffs: "2024-13-01" is not a date YYYY-MM-DD');
  });
});

describe('healthscore features', () => {
  it('exits with the wrong-flag code and no stack trace on a bad horizon', async () => {
    expect(await main(['features', '--data', data, '--out', join(root, 'o3'), '--horizon-days', 'soon'])).toBe(1);
  });
});
