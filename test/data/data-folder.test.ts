import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTableFiles } from '../../src/data/data-folder.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hs-folder-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('findTableFiles', () => {
  it('lists customers first and the rest in contract order, by format', () => {
    const dir = folder({ 'surveys.parquet': 'x', 'events.jsonl': 'x', 'customers.csv': 'x' });
    expect(findTableFiles(dir).map((f) => `${f.table}:${f.format}`)).toEqual(['customers:csv', 'events:jsonl', 'surveys:parquet']);
  });

  it('passes over hidden files and READMEs', () => {
    const dir = folder({ 'customers.csv': 'x', '.DS_Store': 'x', 'README.md': '# data' });
    expect(findTableFiles(dir).map((f) => f.table)).toEqual(['customers']);
  });
});
