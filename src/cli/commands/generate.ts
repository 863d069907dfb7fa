/** `healthscore generate`: synthetic customer histories in the contract's six tables (docs/synthetic-data.md). */
import type { Command } from 'commander';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';
import { examples } from '../examples.ts';

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Write synthetic customer histories (customers, subscriptions, events, transactions, tickets, surveys) as CSV')
    .requiredOption('--out <dir>', 'folder for the six <table>.csv files (created; must hold nothing else)')
    .option('--customers <n>', 'number of customers', '5000')
    .option('--months <m>', 'length of the generated window in calendar months', '24')
    .option('--seed <s>', 'random seed (0 to 4294967295); the same options and seed give byte-identical files', '1')
    .option('--start <date>', 'first day of the window, YYYY-MM-DD', '2024-01-01')
    .option('--truth <file>', 'also write the hidden truth (health per month end, shocks, churn cause) as JSON Lines, outside --out')
    .option('--decline-share <p>', 'scenario: share (0-1) of active customers whose health drops sharply on --decline-date')
    .option('--decline-date <date>', 'scenario: day of that drop, YYYY-MM-DD, inside the window')
    .option('--quiet', 'print only the summary')
    .addHelpText(
      'after',
      '\nEach customer has a hidden health that drifts week by week and takes occasional shocks; it drives\n' +
        'logins and other product events, add-on purchases, support tickets and their priority, NPS answers,\n' +
        'plan changes and churn. The true churn drivers are listed in docs/synthetic-data.md.\n' +
        '100,000 customers over 24 months give about 10 million product events and take a minute or two.\n' +
        examples(
          'healthscore generate --customers 2000 --months 12 --seed 42 --out data/sample',
          'healthscore generate --customers 100000 --months 24 --seed 1 --out data/generated --truth runs/truth.jsonl',
          'healthscore generate --customers 5000 --months 12 --seed 7 --out runs/decline \\\n      --decline-share 0.1 --decline-date 2024-09-01 --truth runs/decline-truth.jsonl',
        ),
    )
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { GenerateStageOptions, formatGenerationSummary, runGenerateStage }] = await Promise.all([
        import('../flags.ts'),
        import('../../synth/generate-stage.ts'),
      ]);
      // commander hands over the flags camel-cased (--decline-share → declineShare), as the stage expects.
      const { quiet, ...options } = parseFlags({ ...GenerateStageOptions.shape, quiet: flag.on }, flags);
      const summary = await runGenerateStage(options, quiet ? quietLog : consoleLog);
      console.log(formatGenerationSummary(summary));
      console.log(`tables in ${options.out}${options.truth === undefined ? '' : `, truth in ${options.truth}`}`);
    });
}
