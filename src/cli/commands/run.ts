/**
 * `healthscore run`: the whole pipeline (see src/run/run-pipeline.ts) and its headline figures.
 */
import { Option, type Command } from 'commander';
import { ADAPTER_NAMES } from '../../data/adapters/adapter-names.ts';
import type { RunOptionsInput } from '../../run/run-options.ts';
import { ExitCode, UserError } from '../../diagnostics/user-error.ts';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';

const whole = (flag: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${flag} expects a whole number, got "${v}"`, ExitCode.usage);
  return n;
};

function churnFlag(v: string): RunOptionsInput['churn'] {
  if (v === 'explicit' || v === 'subscriptionEnded') return { kind: v };
  if (v === 'inactivity') return { kind: 'inactivity', tables: ['transactions'] };
  const m = /^inactivity:([a-z,]+)$/.exec(v);
  if (m) return { kind: 'inactivity', tables: m[1].split(',') as Array<'transactions' | 'events'> };
  throw new UserError(`--churn expects explicit, subscriptionEnded, inactivity or inactivity:TABLE[,TABLE], got "${v}"`, ExitCode.usage);
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run the whole pipeline: ingest, features, train, calibrate, evaluate, compare with AHP, score, value, report')
    .option('--data <dir>', 'data folder (with --adapter: the adapter input file); default OUT/data with --generate')
    .requiredOption('--out <dir>', 'run folder for every output')
    .option('--generate', 'generate synthetic customer histories into the data folder first, when it has none')
    .option('--customers <n>', 'with --generate: customers', whole('--customers'), 5000)
    .option('--months <n>', 'with --generate: months of history', whole('--months'), 24)
    .option('--seed <n>', 'with --generate: random seed', whole('--seed'), 42)
    .option('--tabular <file>', 'tabular mode: one row per customer with a label column (needs --config)')
    .option('--config <file>', 'tabular config JSON')
    .addOption(new Option('--adapter <name>', 'read --data with an adapter (cdnow: the CDNOW transaction log)').choices(ADAPTER_NAMES))
    .option('--as-of <date>', 'reject input rows dated after this date')
    .option('--horizon-days <n>', 'churn horizon H in days: the label is "churned within H days after the cutoff"', whole('--horizon-days'), 90)
    .option('--churn <definition>', 'explicit (churn_date), subscriptionEnded, inactivity[:tables] (no transaction/event for H days)', churnFlag)
    .addOption(new Option('--engine <name>', 'feature engine').choices(['arquero', 'duckdb']).default('arquero'))
    .option('--models <list>', 'model kinds to train and choose from (by validation log-loss)', 'logistic,gbdt')
    .option('--monotone', 'constrain the GBDT to the feature dictionary directions')
    .option('--models-dir <dir>', 'where model versions are saved', 'models')
    .option('--name <name>', 'model name', 'churn')
    .option('--version <version>', 'model version (default: the run time, e.g. 20261123T101500Z)')
    .option('--ahp <file>', 'AHP config to compare with the learned weights (default: a shipped example that fits the data)')
    .option('--no-ahp', 'skip the AHP comparison')
    .option('--quiet', 'print only the headline figures')
    .addHelpText(
      'after',
      '\nOutputs (in --out): ingest/ and ingest-summary.json, features/, metrics.json, comparison.json,\n' +
        'scores.csv, priority.csv, report.html, report.md; the chosen model in MODELS-DIR/NAME/VERSION/.\n' +
        'The health score is round(100 × (1 − calibrated churn probability within the horizon)):\n' +
        'a score of 80 means about a 20% chance of churning within H days.\n' +
        '\nExamples:\n' +
        '  healthscore run --generate --data runs/latest/data --out runs/latest\n' +
        '  healthscore run --data data/sample --out runs/sample --horizon-days 60\n' +
        '  healthscore run --tabular ../shared/data/telco/Telco-Customer-Churn.csv --config data/tabular/telco.json \\\n      --ahp models/ahp/telco.json --out runs/telco\n' +
        '  healthscore run --adapter cdnow --data ../shared/data/cdnow/CDNOW_master.txt --churn inactivity --out runs/cdnow',
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ selectBackend }, { runPipeline }, { RunOptions }] = await Promise.all([
        import('../../runtime/backend.ts'),
        import('../../run/run-pipeline.ts'),
        import('../../run/run-options.ts'),
      ]);
      const log = flags.quiet === true ? quietLog : consoleLog;
      const backend = await selectBackend();
      log.info(`TensorFlow.js backend: ${backend}`);
      const models = String(flags.models).split(',').map((m) => m.trim());
      for (const m of models) if (m !== 'logistic' && m !== 'gbdt') throw new UserError(`--models: unknown model kind "${m}" (logistic, gbdt)`, ExitCode.usage);
      const parsed = RunOptions.safeParse({
        data: flags.data,
        out: flags.out,
        generate: flags.generate === true,
        customers: flags.customers,
        months: flags.months,
        seed: flags.seed,
        tabular: flags.tabular,
        config: flags.config,
        adapter: flags.adapter,
        asOf: flags.asOf,
        horizonDays: flags.horizonDays,
        churn: flags.churn,
        engine: flags.engine,
        models,
        monotone: flags.monotone === true,
        modelsDir: flags.modelsDir,
        name: flags.name,
        version: flags.version,
        ahp: flags.ahp === false ? null : flags.ahp,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UserError(`--${issue.path.join('.')}: ${issue.message}`, ExitCode.usage);
      }
      const result = await runPipeline(parsed.data, log);
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
