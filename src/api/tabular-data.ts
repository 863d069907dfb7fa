/**
 * Tabular mode from code: one file with a row per customer, a label column and feature columns
 * (like the IBM Telco churn file), described by a small config. Rows are validated as in
 * `healthscore run --tabular` (bad rows quarantined with a reason) and become labelled snapshots
 * for {@link stratifiedSplit}.
 */
import { z } from 'zod';
import type { IngestSummary } from '../data/ingest-summary.ts';
import { ingestTabular } from '../data/tabular/ingest-tabular.ts';
import { loadTabularConfig } from '../data/tabular/load-tabular-config.ts';
import { TabularConfig } from '../data/tabular/tabular-config.ts';
import { silentLog } from '../diagnostics/log.ts';
import { LogArgument, parseArgument } from './argument.ts';
import { inOutputFolder } from './output-folder.ts';
import type { Log } from '../diagnostics/log.ts';
import type { LabelledSnapshots } from './snapshots.ts';

const ReadOptions = z.strictObject({ out: z.string().optional(), log: LogArgument.optional() });

/**
 * Reads and validates a tabular churn file with its config (an object or the path of a JSON
 * config file). `out` keeps the clean table and quarantine files; `summary` accounts for every row.
 *
 * @throws UserError when the file or config is missing or malformed, or a configured column is absent.
 * @example
 * ```ts
 * import { readTabularData } from 'healthscore';
 * const rows = await readTabularData('data/tabular/sample.csv', 'data/tabular/sample.json');
 * console.log(rows.kind, rows.ingest.tables[0].read === rows.ingest.tables[0].accepted + rows.ingest.tables[0].rejected); // => tabular true
 * ```
 */
export async function readTabularData(
  file: string,
  config: z.input<typeof TabularConfig> | string,
  options: { out?: string; log?: Log } = {},
): Promise<LabelledSnapshots & { ingest: IngestSummary }> {
  parseArgument('readTabularData', 'file', z.string().min(1), file);
  const parsed = typeof config === 'string' ? loadTabularConfig(config).config : parseArgument('readTabularData', 'config', TabularConfig, config);
  const o = parseArgument('readTabularData', 'options', ReadOptions, options);
  const result = await inOutputFolder(o.out, 'healthscore-tabular-', (out) => ingestTabular(file, parsed, { outDir: out, log: o.log ?? silentLog }));
  return { kind: 'tabular', table: result.table, dictionary: result.dictionary, summary: null, ingest: result.summary, horizonDays: null, churn: null, featureSpec: null, source: file };
}
