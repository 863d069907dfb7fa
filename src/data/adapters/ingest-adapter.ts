/** Writes an adapter's output (its data mapped onto the contract) as a clean store, as folder ingestion does. */
import { join } from 'node:path';
import { z } from 'zod';
import type { Log } from '../../diagnostics/log.ts';
import { writeCleanTables } from '../clean-store.ts';
import { prepareOutput, writeSummary } from '../ingest-folder.ts';
import type { IngestSummary } from '../ingest-summary.ts';
import { QuarantineWriter } from '../quarantine.ts';
import { ADAPTER_NAMES } from './adapter-names.ts';
import { readCdnow, type AdapterResult } from './cdnow.ts';

export const AdapterName = z.enum(ADAPTER_NAMES);
export type AdapterName = z.infer<typeof AdapterName>;

const ADAPTERS: Record<AdapterName, (path: string) => Promise<AdapterResult>> = { cdnow: readCdnow };

export async function ingestAdapter(adapter: AdapterName, path: string, outDir: string, options: { log?: Log } = {}): Promise<IngestSummary> {
  const result = await ADAPTERS[adapter](path);
  prepareOutput(outDir);
  await writeCleanTables(result.data, outDir);
  for (const t of result.summary.tables) {
    const writer = await QuarantineWriter.open(join(outDir, 'quarantine', `${t.table}.csv`));
    for (const entry of result.quarantine[t.table] ?? []) await writer.write(entry);
    await writer.close();
    options.log?.info(`${t.table}: ${t.read} read, ${t.accepted} accepted, ${t.rejected} rejected`);
  }
  writeSummary(outDir, result.summary);
  return result.summary;
}
