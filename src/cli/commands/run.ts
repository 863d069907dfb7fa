/** `healthscore run`: the whole pipeline (see src/run/run-pipeline.ts) and its headline figures. */
import { Option, type Command } from 'commander';
import { ADAPTER_NAMES } from '../../data/adapters/adapter-names.ts';
import type { ChurnDefinition } from '../../features/churn-definition.ts';
import { FEATURE_ENGINES } from '../../features/feature-engines.ts';
import { threadsOption } from '../threads.ts';
import { ACTIVITY } from './features.ts';
import { examples } from '../examples.ts';
import { modelStageLog } from '../model-stage.ts';

const MODEL_KINDS = ['logistic', 'gbdt'] as const;

/** explicit, subscriptionEnded, inactivity (on transactions) or inactivity:TABLE[,TABLE]; null for anything else. */
function churnDefinition(text: string): ChurnDefinition | null {
  if (text === 'explicit' || text === 'subscriptionEnded') return { kind: text };
  if (text === 'inactivity') return { kind: 'inactivity', tables: ['transactions'] };
  const tables = /^inactivity:(.+)$/.exec(text)?.[1].split(',');
  return tables?.every((t): t is (typeof ACTIVITY)[number] => (ACTIVITY as readonly string[]).includes(t)) ? { kind: 'inactivity', tables } : null;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run the whole pipeline: ingest, features, train, calibrate, evaluate, compare with AHP, score, value, report')
    .option('--data <dir>', 'data folder (with --adapter: the adapter input file); default OUT/data with --generate')
    .requiredOption('--out <dir>', 'run folder for every output')
    .option('--generate', 'generate synthetic customer histories into the data folder first, when it has none')
    .addOption(new Option('--customers <n>', 'with --generate: customers').default(5000))
    .addOption(new Option('--months <n>', 'with --generate: months of history').default(24))
    .addOption(new Option('--seed <n>', 'with --generate: random seed').default(42))
    .option('--tabular <file>', 'tabular mode: one row per customer with a label column (needs --config)')
    .option('--config <file>', 'tabular config JSON')
    .addOption(new Option('--adapter <name>', 'read --data with an adapter (cdnow: the CDNOW transaction log)').choices(ADAPTER_NAMES))
    .option('--as-of <date>', 'reject input rows dated after this date')
    .addOption(new Option('--horizon-days <n>', 'churn horizon H in days: the label is "churned within H days after the cutoff"').default(90))
    .option('--churn <definition>', 'explicit (churn_date), subscriptionEnded, inactivity[:tables] (no transaction/event for H days)')
    .addOption(new Option('--engine <name>', 'feature engine').choices(FEATURE_ENGINES).default('arquero'))
    .option('--models <list>', 'model kinds to train and choose from (by validation log-loss)', 'logistic,gbdt')
    .option('--monotone', 'constrain the GBDT to the feature dictionary directions')
    .option('--models-dir <dir>', 'where model versions are saved', 'models')
    .option('--name <name>', 'model name', 'churn')
    .option('--version <version>', 'model version (default: the run time, e.g. 20261123T101500Z)')
    .option('--ahp <file>', 'AHP config to compare with the learned weights (default: a shipped example that fits the data)')
    .option('--no-ahp', 'skip the AHP comparison')
    .addOption(threadsOption())
    .option('--quiet', 'print only the headline figures')
    .addHelpText(
      'after',
      '\nOutputs (in --out): ingest/ and ingest-summary.json, features/, metrics.json, comparison.json,\n' +
        'scores.csv, priority.csv, report.html, report.md; the chosen model in MODELS-DIR/NAME/VERSION/.\n' +
        'The health score is round(100 × (1 − calibrated churn probability within the horizon)):\n' +
        'a score of 80 means about a 20% chance of churning within H days.\n' +
        examples(
          'healthscore run --generate --data runs/latest/data --out runs/latest',
          'healthscore run --data data/sample --out runs/sample --horizon-days 60',
          'healthscore run --tabular ../shared/data/telco/Telco-Customer-Churn.csv --config data/tabular/telco.json \\\n      --ahp models/ahp/telco.json --out runs/telco',
          'healthscore run --adapter cdnow --data ../shared/data/cdnow/CDNOW_master.txt --churn inactivity --out runs/cdnow',
        ),
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ z }, { flag, parseFlags }, { runPipeline }, { RunOptions }] = await Promise.all([
        import('zod'),
        import('../flags.ts'),
        import('../../run/run-pipeline.ts'),
        import('../../run/run-options.ts'),
      ]);
      // The run's own options, with the flags that arrive as text read into their values.
      const { quiet, ...options } = parseFlags(
        RunOptions.extend({
          customers: flag.positiveWholeNumber,
          months: flag.positiveWholeNumber,
          seed: flag.wholeNumber,
          horizonDays: flag.positiveWholeNumber,
          churn: flag.read(churnDefinition, 'explicit, subscriptionEnded, inactivity or inactivity:TABLE[,TABLE]').optional(),
          models: flag.listOf(MODEL_KINDS),
          name: flag.folderName,
          version: flag.folderName.optional(),
          // --no-ahp sets it to false: no comparison.
          ahp: z.union([flag.text, z.literal(false)]).optional().transform((ahp) => (ahp === false ? null : ahp)),
          quiet: flag.on,
        }),
        flags,
      );
      const result = await runPipeline(options, await modelStageLog(quiet));
      const chosen = result.metrics.models.find((m) => m.name === result.chosen.kind);
      console.log('');
      console.log(`chosen model: ${result.chosen.kind} (calibrated with ${result.chosen.calibration.chosen})`);
      for (const e of [...result.metrics.models, ...result.metrics.baselines]) {
        const m = e.metrics;
        const at10 = m.lift.find((l) => l.share === 0.1);
        console.log(
          `  ${e.name.padEnd(12)} ROC-AUC ${m.rocAuc.toFixed(4)}  PR-AUC ${m.averagePrecision.toFixed(4)}  ` +
            `Brier ${m.brierScore === null ? '  –   ' : m.brierScore.toFixed(4)}  lift@10% ${at10 === undefined ? '–' : at10.lift.toFixed(2)}`,
        );
      }
      if (chosen !== undefined) console.log(`test rows: ${chosen.metrics.n}, churn rate ${(100 * chosen.metrics.baseRate).toFixed(1)}%`);
      console.log(`tiers: ${Object.entries(result.tiers).map(([t, n]) => `${t} ${n}`).join(', ')}`);
      console.log(`outputs in ${result.out} (report.html), model in ${result.modelDir}`);
    });
}
