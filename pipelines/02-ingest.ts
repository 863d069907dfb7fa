/**
 * Stage 2, ingestion, as a script: `npx tsx pipelines/02-ingest.ts --data DIR --out OUT [--as-of DATE]`
 * (also `--tabular FILE --config CONFIG` or `--adapter cdnow --data FILE`). Same call as
 * `healthscore ingest`; prints the summary table.
 */
import { parseArgs } from 'node:util';
import { ExitCode, UserError } from '../src/diagnostics/user-error.ts';
import { consoleLog } from '../src/diagnostics/log.ts';
import { formatIngestSummary } from '../src/data/ingest-summary.ts';
import { IngestStageOptions, runIngestStage } from '../src/data/ingest-stage.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
      tabular: { type: 'string' },
      config: { type: 'string' },
      adapter: { type: 'string' },
    },
  });
  const options = IngestStageOptions.safeParse({ ...values, asOf: values['as-of'] });
  if (!options.success) {
    console.error(`02-ingest: ${options.error.issues[0].path.join('.')}: ${options.error.issues[0].message}`);
    console.error('usage: npx tsx pipelines/02-ingest.ts --data DIR --out OUT [--as-of DATE]');
    return ExitCode.usage;
  }
  try {
    console.log(formatIngestSummary(await runIngestStage(options.data, consoleLog)));
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof UserError) {
      console.error(`02-ingest: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
}

process.exitCode = await main();
