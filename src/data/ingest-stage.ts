/**
 * The ingest stage as one call for a data folder, a tabular file with its config, or an adapter's file.
 * The CLI command and `pipelines/02-ingest.ts` both call it, so the two cannot drift.
 */
import { z } from 'zod';
import { UserError } from '../diagnostics/user-error.ts';
import type { Log } from '../diagnostics/log.ts';
import { AdapterName, ingestAdapter } from './adapters/ingest-adapter.ts';
import { ingestFolder } from './ingest-folder.ts';
import type { IngestSummary } from './ingest-summary.ts';
import { ingestTabular } from './tabular/ingest-tabular.ts';
import { loadTabularConfig } from './tabular/load-tabular-config.ts';

export const IngestStageOptions = z.object({
  /** A data folder, or the adapter's input file when `adapter` is set. */
  data: z.string().optional(),
  out: z.string(),
  asOf: z.string().optional(),
  /** A tabular file; needs `config`. */
  tabular: z.string().optional(),
  config: z.string().optional(),
  adapter: AdapterName.optional(),
});
export type IngestStageOptions = z.infer<typeof IngestStageOptions>;

export async function runIngestStage(options: IngestStageOptions, log: Log): Promise<IngestSummary> {
  if (options.tabular !== undefined || options.config !== undefined) {
    if (options.config === undefined) throw new UserError('--tabular needs --config (the tabular config JSON)');
    const { config, file } = loadTabularConfig(options.config);
    const input = options.tabular ?? file;
    if (input === null) throw new UserError(`${options.config}: no "file" in the config; give the file with --tabular`);
    return (await ingestTabular(input, config, { outDir: options.out, log })).summary;
  }
  if (options.data === undefined) throw new UserError('give --data DIR (or --tabular FILE --config CONFIG)');
  if (options.adapter !== undefined) return ingestAdapter(options.adapter, options.data, options.out, { log });
  return ingestFolder(options.data, options.out, { asOf: options.asOf ?? null, log });
}
