/**
 * The benchmark's pandas peer (bench/features_pandas.py) computes the default spec the way a pandas
 * user would; it must agree with the in-memory engine, or the benchmark compares different work.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildFeatureSet } from '../../src/features/build-feature-set.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { describePython, PYTHON } from '../support/python.ts';
import { REPO_ROOT } from '../support/shared-data.ts';
import { writeContractCsv } from './contract-files.ts';
import { randomHistory } from './random-history.ts';

const dir = mkdtempSync(join(tmpdir(), 'hs-pandas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describePython(['pandas', 'numpy'], 'pandas peer of the default spec', () => {
  it('matches the in-memory engine on every column', () => {
    const data = randomHistory(21, 60);
    writeContractCsv(data, dir);
    const cutoffs = [Date.UTC(2023, 9, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 4, 1)];
    const out = join(dir, 'pandas.csv');
    const r = spawnSync(PYTHON, [join(REPO_ROOT, 'bench', 'features_pandas.py'), dir, cutoffs.join(','), '90', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const ours = buildFeatureSet(data, DEFAULT_FEATURE_SPEC, { cutoffs, horizonDays: 90, churn: { kind: 'explicit' }, dataEnd: Date.UTC(2100, 0, 1) }).table;
    const [head, ...lines] = readFileSync(out, 'utf8').trim().split('\n');
    const names = head.split(',');
    const rows = lines.map((l) => l.split(','));
    expect(rows.length).toBe(ours.numRows());
    const diffs: string[] = [];
    for (const c of ours.columnNames()) {
      const j = names.indexOf(c);
      const x = ours.array(c) as ArrayLike<unknown>;
      rows.forEach((row, i) => {
        const ok = typeof x[i] === 'number' ? Math.abs((x[i] as number) - Number(row[j])) <= 1e-9 : String(x[i]) === row[j];
        if (!ok) diffs.push(`${c} row ${i}: ${String(x[i])} vs ${row[j]}`);
      });
    }
    expect(diffs.slice(0, 5)).toEqual([]);
  }, 60_000);
});
