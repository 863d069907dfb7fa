/** `healthscore score`: the batch scoring job (src/score/score-job.ts). */
import { Option, type Command } from 'commander';
import { FEATURE_ENGINES } from '../../features/feature-engines.ts';
import { threadsOption } from '../threads.ts';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';
import { examples } from '../examples.ts';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('Score every active customer at an as-of date with a saved model (batch job)')
    .requiredOption('--model <dir>', 'model version directory, e.g. models/churn/20261123T101500Z')
    .option('--data <dir>', 'data folder (contract files) or an ingest output folder (with tables/)')
    .option('--features <file>', 'or a feature file (.parquet or .csv, e.g. from "healthscore features"): rows whose cutoff is the as-of date are scored, streamed in chunks')
    .requiredOption('--as-of <date>', 'score as of this date (YYYY-MM-DD): only rows dated before it are used')
    .requiredOption('--out <file>', 'output file, .csv or .parquet (written to a temporary file, then renamed)')
    .addOption(new Option('--engine <name>', 'feature engine; duckdb for inputs larger than memory').choices(FEATURE_ENGINES).default('arquero'))
    .option('--history <dir>', 'append the scores to this history store (Parquet partitions by as-of date; a rerun replaces its date)')
    .option('--alerts <file>', 'write alerts (CSV, and a .json twin) evaluated against the history; needs --history')
    .option('--alert-rules <file>', 'alert rules JSON (default: score fell 20% within 7 days, tier got worse, entered at risk)')
    .option('--overrides <file>', 'manual adjustments CSV/JSON: customer_id, points or tier, reason, author, expires')
    .option('--no-reasons', 'leave the reasons out (faster for GBDT models on very large inputs)')
    .addOption(threadsOption())
    .option('--quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nWrites FILE with customer_id, as_of, churn_probability, health_score, tier, reasons, model_version,\n' +
        'model_health_score, model_tier, override, override_reason, override_author; and FILE.summary.json\n' +
        '(tiers, drift per feature: PSI against the training data, flagged above 0.2, overrides, alerts;\n' +
        'with --features, the rows read, scored, at other cutoffs and rejected). Rejected feature-file rows\n' +
        '(blank id, unparsable number or cutoff, a customer twice) go to FILE.rejected.csv with row, column, value, reason.\n' +
        'Memory stays that of one chunk (4,096 rows) however large a --features file is; capacity tiers read the input twice.\n' +
        'Exit codes: 0 ok, 3 bad input or config, 4 the model does not fit the data, 70 internal error.\n' +
        'An interrupted job leaves the previous FILE intact; rerun it.\n' +
        examples(
          'healthscore score --model models/churn/20261123T101500Z --data data/sample --as-of 2024-12-01 --out scores.csv',
          'healthscore score --model models/churn/V --features runs/latest/features/features.parquet --as-of 2024-12-01 --out scores.parquet',
          'healthscore score --model models/churn/V --data runs/latest/ingest --as-of 2025-01-01 --out scores.parquet \\\n      --history runs/history --alerts runs/alerts.csv --overrides overrides.csv',
        ),
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ parseFlags }, { ScoreJobOptions }, { scoreBatch }] = await Promise.all([
        import('../flags.ts'),
        import('../../score/score-job.ts'),
        import('../../api/batch-scoring.ts'),
      ]);
      // The job's own options schema, but not its threads: --threads has set the default thread count (threads.ts).
      const { quiet, ...options } = parseFlags(ScoreJobOptions.omit({ threads: true }), flags);
      const log = quiet ? quietLog : consoleLog;
      const s = await scoreBatch({ ...options, progress: !quiet }, log);
      log.info(
        `scored ${s.customers} customers as of ${s.asOf} with ${s.model} in ${s.seconds.toFixed(1)} s → ${s.output}\n` +
          `tiers: ${Object.entries(s.tiers).map(([t, k]) => `${t} ${k}`).join(', ')}; ` +
          `overrides applied ${s.overrides.applied}, expired ${s.overrides.expired}; ` +
          `drift flagged on ${s.drift.filter((d) => d.flagged).length} feature(s)` +
          (s.alerts === null ? '' : `; ${s.alerts} alert(s)`),
      );
    });
}
