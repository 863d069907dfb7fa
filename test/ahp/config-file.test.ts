import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAhpConfig, readAhpConfig } from '../../src/ahp/config-file.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

describe('readAhpConfig', () => {
  it('reads and weighs an example config', () => {
    const r = readAhpConfig(join(REPO_ROOT, 'models', 'ahp', 'cdnow-rfm.json'));
    expect(r.ok && r.weights.dimensions.map((d) => d.name)).toEqual(['recency', 'frequency', 'monetary']);
  });

  it('names the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ahp-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": ');
    expect(readAhpConfig(join(dir, 'none.json'))).toEqual({ ok: false, problems: [`${join(dir, 'none.json')}: cannot read the AHP config (ENOENT)`] });
    const r = readAhpConfig(bad);
    expect(!r.ok && r.problems[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON`));
  });
});

describe('parseAhpConfig', () => {
  it('names the path inside the file of a schema violation', () => {
    const r = parseAhpConfig({ name: 'x', dimensions: [{ name: 'a', indicators: [] }], judgments: { method: 'percentages', weights: { a: 100 } } }, 'w.json');
    expect(!r.ok && r.problems[0]).toMatch(/^w\.json: dimensions\.0\.indicators: /);
  });
});
