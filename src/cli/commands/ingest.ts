/** `healthscore ingest`: validates input data into a clean store (see src/data/ingest-stage.ts). */
import { Option, type Command } from 'commander';
import { ADAPTER_NAMES } from '../../data/adapters/adapter-names.ts';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';
import { examples } from '../examples.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Validate input data (a data folder, a tabular churn file, or an adapter input) into a clean store')
    .option('--data <dir>', 'data folder (or, with --adapter, the adapter input file)')
    .requiredOption('--out <dir>', 'output folder for tables/, quarantine/ and ingest-summary.json')
    .option('--as-of <date>', 'reject rows dated after this ISO 8601 date or date-time (a date includes that whole day, UTC)')
    .option('--tabular <file>', 'one-row-per-customer file with a label column (needs --config)')
    .option('--config <file>', 'tabular config JSON (id column, label and its positive value, categorical and dropped columns)')
    .addOption(new Option('--adapter <name>', 'read --data with an adapter instead of as a folder (cdnow: the CDNOW master log)').choices(ADAPTER_NAMES))
    .option('--quiet', 'print only the summary table')
    .addHelpText(
      'after',
      '\nA data folder holds customers (required) and optionally transactions, events, tickets, surveys and\n' +
        'subscriptions, each as <table>.csv, .jsonl or .parquet. Writes:\n' +
        '  OUT/tables/<table>.parquet   accepted rows, typed (dates as UTC timestamps)\n' +
        '  OUT/quarantine/<table>.csv   rejected rows: file, line, column, value, reason, detail\n' +
        '  OUT/ingest-summary.json      per table: read = accepted + rejected, reasons, extra columns\n' +
        'A bad row is quarantined; a bad file (missing, empty, not UTF-8, missing required column, unknown\n' +
        'table, not CSV/JSON Lines/Parquet) stops with a one-line message and exit code 3.\n' +
        examples(
          'healthscore ingest --data data/sample --out runs/ingested',
          'healthscore ingest --data data/sample --out runs/ingested --as-of 2025-06-30',
          'healthscore ingest --tabular ../shared/data/telco/Telco-Customer-Churn.csv --config data/tabular/telco.json --out runs/telco',
          'healthscore ingest --adapter cdnow --data ../shared/data/cdnow/CDNOW_master.txt --out runs/cdnow',
        ),
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { formatIngestSummary }, { IngestStageOptions, runIngestStage }] = await Promise.all([
        import('../flags.ts'),
        import('../../data/ingest-summary.ts'),
        import('../../data/ingest-stage.ts'),
      ]);
      const { quiet, ...options } = parseFlags({ ...IngestStageOptions.shape, quiet: flag.on }, flags);
      const summary = await runIngestStage(options, quiet ? quietLog : consoleLog);
      console.log(formatIngestSummary(summary));
      console.log(`clean tables in ${options.out}/tables, rejected rows in ${options.out}/quarantine`);
    });
}
