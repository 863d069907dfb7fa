import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFeatureSet } from '../../src/features/build-feature-set.ts';
import { DEFAULT_FEATURE_SPEC } from '../../src/features/default-spec.ts';
import { FEATURE_FILES, readFeatureSet, writeFeatureSet } from '../../src/features/feature-set-files.ts';
import { randomHistory } from './random-history.ts';

const dir = mkdtempSync(join(tmpdir(), 'hs-fsf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFeatureSet / readFeatureSet', () => {
  it('writes Parquet, CSV, dictionary and summary that read back to the same table', async () => {
    const set = buildFeatureSet(randomHistory(5, 20), DEFAULT_FEATURE_SPEC, {
      cutoffs: [Date.UTC(2023, 9, 1), Date.UTC(2024, 0, 1)],
      horizonDays: 90,
      churn: { kind: 'explicit' },
    });
    await writeFeatureSet(set, dir);
    const back = await readFeatureSet(dir);
    expect(back.table.columnNames()).toEqual(set.table.columnNames());
    expect(back.table.objects()).toEqual(set.table.objects());
    expect(back.dictionary).toEqual(set.dictionary);
    expect(back.summary).toEqual(set.summary);
    const csv = readFileSync(join(dir, FEATURE_FILES.csv), 'utf8').split('\n');
    expect(csv[0].startsWith('customer_id,cutoff,label,tenure_days,plan,')).toBe(true);
    expect(csv[1].split(',')[1]).toBe('2023-10-01T00:00:00.000Z');
  });
});
