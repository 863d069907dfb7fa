import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/diagnostics/user-error.ts';
import { ingestTabular } from '../../../src/data/tabular/ingest-tabular.ts';
import { TabularConfig } from '../../../src/data/tabular/tabular-config.ts';
import { loadTabularConfig } from '../../../src/data/tabular/load-tabular-config.ts';
import { REPO_ROOT, describeShared, sharedPath } from '../../support/shared-data.ts';

// A hand-made five-row file in the Telco shape: one good row, a blank numeric (missing, kept),
// a bad label, a non-numeric charge, and a duplicate id.
const TINY = [
  'id,plan,tenure,charges,notes,churned',
  'a,pro,12,50.5,x,yes',
  'b,basic,1,,y,no',
  'c,basic,3,20,z,maybe',
  'd,pro,4,lots,w,no',
  'a,pro,5,10,v,no',
].join('\n');

const config = TabularConfig.parse({
  idColumn: 'id',
  labelColumn: 'churned',
  positiveLabel: 'yes',
  negativeLabel: 'no',
  categorical: ['plan'],
  drop: ['notes'],
  columns: { tenure: { description: 'months as a customer', dimension: 'loyalty', direction: 'healthier' } },
});

function tinyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hs-tab-'));
  writeFileSync(join(dir, 'tiny.csv'), TINY);
  return join(dir, 'tiny.csv');
}

describe('ingestTabular on a hand-made file', () => {
  it('returns customer_id, a 0/1 label and the features, blanks in numerics as null', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'hs-tab-out-'));
    const { table } = await ingestTabular(tinyFile(), config, { outDir });
    expect(table.objects()).toEqual([
      { customer_id: 'a', label: 1, tenure: 12, charges: 50.5, plan: 'pro' },
      { customer_id: 'b', label: 0, tenure: 1, charges: null, plan: 'basic' },
    ]);
  });

  it('quarantines a bad label, a non-numeric feature and a duplicate id, and counts them', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'hs-tab-out-'));
    const { summary } = await ingestTabular(tinyFile(), config, { outDir });
    expect(summary.tables[0]).toMatchObject({ table: 'tabular', read: 5, accepted: 2, rejected: 3 });
    const rows = parse(readFileSync(join(outDir, 'quarantine', 'tabular.csv')), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.line}|${r.column}|${r.value}|${r.reason}`)).toEqual([
      '4|churned|maybe|bad_label',
      '5|charges|lots|bad_number',
      '6|id|a|duplicate_id',
    ]);
  });

  it('describes each feature in the dictionary, with the config notes where given', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'hs-tab-out-'));
    const { dictionary } = await ingestTabular(tinyFile(), config, { outDir });
    expect(dictionary.map((e) => [e.name, e.kind, e.dimension, e.direction])).toEqual([
      ['plan', 'categorical', 'other', 'unknown'],
      ['tenure', 'numeric', 'loyalty', 'healthier'],
      ['charges', 'numeric', 'other', 'unknown'],
    ]);
  });

  it('stops with a UserError when the config names a column the file lacks', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'hs-tab-out-'));
    const wrong = TabularConfig.parse({ ...config, labelColumn: 'Churn' });
    await expect(ingestTabular(tinyFile(), wrong, { outDir })).rejects.toThrow(UserError);
  });
});

describeShared(['telco', 'Telco-Customer-Churn.csv'], 'ingestTabular on the IBM Telco file', () => {
  it('accepts all 7,043 rows, 1,869 churners, the 11 blank TotalCharges as missing', async () => {
    // Counts from the data set's README (7,043 rows, 11 blank TotalCharges) and pandas:
    // (df.Churn == 'Yes').sum() == 1869.
    const { config: telco } = loadTabularConfig(join(REPO_ROOT, 'data', 'tabular', 'telco.json'));
    const outDir = mkdtempSync(join(tmpdir(), 'hs-telco-'));
    const { table, summary, dictionary } = await ingestTabular(sharedPath('telco', 'Telco-Customer-Churn.csv'), telco, { outDir });
    expect(summary.tables[0]).toMatchObject({ read: 7043, accepted: 7043, rejected: 0 });
    expect(table.numRows()).toBe(7043);
    const labels = Array.from(table.array('label') as ArrayLike<number>);
    expect(labels.reduce((s, v) => s + v, 0)).toBe(1869);
    expect(Array.from(table.array('TotalCharges') as ArrayLike<number | null>).filter((v) => v === null)).toHaveLength(11);
    expect(dictionary).toHaveLength(19);
    expect(dictionary.find((e) => e.name === 'tenure')).toMatchObject({ dimension: 'loyalty', direction: 'healthier' });
  });
});
