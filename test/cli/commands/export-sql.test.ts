import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fitPreprocessor } from '../../../src/learn/preprocess/fit.ts';
import type { GbdtSpec } from '../../../src/learn/gbdt/serialize.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'export-sql-'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** One stump: tenure <= 12 (or missing) → margin +1, else −1; Platt with a = −1, b = 0 → p = σ(margin). */
function writeSpecs(): string[] {
  const preprocessor = fitPreprocessor({ tenure: [1, 24, 36] }, { features: ['tenure'], standardize: false, missing: 'keep' });
  const gbdt: GbdtSpec = {
    kind: 'gbdt',
    featureNames: ['tenure'],
    baseline: 0,
    trees: [{ feature: [0, -1, -1], threshold: [12, null, null], binThreshold: [1, 0, 0], missingLeft: [true, false, false], left: [1, -1, -1], right: [2, -1, -1], value: [0, 1, -1], cover: [3, 1, 2], gain: [1, 0, 0] }],
  };
  const files = { 'pre.json': preprocessor, 'gbdt.json': gbdt, 'cal.json': { kind: 'platt', a: -1, b: 0 } };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
  return ['--preprocessor', join(dir, 'pre.json'), '--model-spec', join(dir, 'gbdt.json'), '--calibrator', join(dir, 'cal.json')];
}

describe('healthscore export-sql', () => {
  it('writes a query that scores a feature table', async () => {
    const out = join(dir, 'score.sql');
    expect(await main(['export-sql', ...writeSpecs(), '--table', 'f', '--out', out])).toBe(0);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run('CREATE TABLE f AS SELECT * FROM (VALUES (\'a\', 6.0), (\'b\', 30.0), (\'c\', NULL)) AS t(customer_id, tenure)');
    const rows = (await conn.runAndReadAll(readFileSync(out, 'utf8').replace(/;\s*$/, ' ORDER BY customer_id'))).getRowObjectsJS();
    conn.closeSync();
    instance.closeSync();
    // σ(1) = 0.7310585786300049 → score 27; σ(−1) = 0.2689414213699951 → score 73.
    expect(rows.map((r) => [r.customer_id, Number(r.churn_probability), Number(r.health_score)])).toEqual([
      ['a', expect.closeTo(0.7310585786300049, 15), 27],
      ['b', expect.closeTo(0.2689414213699951, 15), 73],
      ['c', expect.closeTo(0.7310585786300049, 15), 27],
    ]);
  });

  it('stops with the model-mismatch code on a spec that is not one', async () => {
    const args = writeSpecs();
    writeFileSync(join(dir, 'cal.json'), JSON.stringify({ kind: 'beta' }));
    expect(await main(['export-sql', ...args])).toBe(4);
  });

  it('asks for the spec files when --model is not given', async () => {
    expect(await main(['export-sql', '--preprocessor', join(dir, 'pre.json')])).toBe(1);
  });
});
