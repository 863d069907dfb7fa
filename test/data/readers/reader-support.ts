/** Writes a small input file into a fresh temporary folder and collects a source's records. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceRecord, TableSource } from '../../../src/data/readers/table-source.ts';

export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hs-reader-')), name);
  writeFileSync(path, content);
  return path;
}

export async function collect(source: TableSource): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of source.records) records.push(record);
  return records;
}
