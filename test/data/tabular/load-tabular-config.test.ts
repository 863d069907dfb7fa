import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTabularConfig } from '../../../src/data/tabular/load-tabular-config.ts';
import { REPO_ROOT } from '../../support/shared-data.ts';

function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hs-config-')), 'config.json');
  writeFileSync(path, text);
  return path;
}

describe('loadTabularConfig', () => {
  it('resolves the data file against the config file folder', () => {
    const path = configFile('{"file":"data/x.csv","idColumn":"id","labelColumn":"y","positiveLabel":"1"}');
    expect(loadTabularConfig(path).file).toBe(join(path, '..', 'data', 'x.csv'));
  });

  it('names the config file and the field of a schema mistake', () => {
    const path = configFile('{"idColumn":"id","labelColumn":"y"}');
    expect(() => loadTabularConfig(path)).toThrow(`${path}: positiveLabel: `);
  });

  it('rejects an unknown key, so a typo does not pass silently', () => {
    const path = configFile('{"idColumn":"id","labelColumn":"y","positiveLabel":"1","categoricals":["a"]}');
    expect(() => loadTabularConfig(path)).toThrow(/categoricals/);
  });

  it('loads the shipped Telco config, pointing at ../shared/data', () => {
    const { config, file } = loadTabularConfig(join(REPO_ROOT, 'data', 'tabular', 'telco.json'));
    expect(config).toMatchObject({ idColumn: 'customerID', labelColumn: 'Churn', positiveLabel: 'Yes', negativeLabel: 'No' });
    expect(file).toBe(join(REPO_ROOT, '..', 'shared', 'data', 'telco', 'Telco-Customer-Churn.csv'));
  });
});
