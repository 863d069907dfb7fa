/** `healthscore features`: point-in-time features and churn labels (see src/features/features-stage.ts). */
import { Option, type Command } from 'commander';
import type { ChurnDefinition } from '../../features/churn-definition.ts';
import { FEATURE_ENGINES } from '../../features/feature-engines.ts';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';
import { threadsOption } from '../threads.ts';
import { examples } from '../examples.ts';

const CHURN = ['explicit', 'subscription', 'inactivity'] as const;
/** The tables whose rows count as activity for the inactivity churn definition. */
export const ACTIVITY = ['transactions', 'events', 'tickets', 'surveys', 'subscriptions'] as const;

export function registerFeatures(program: Command): void {
  program
    .command('features')
    .description(
      'Build point-in-time features and churn labels from a clean store (the output of "healthscore ingest").\n' +
        'At each cutoff T only rows dated strictly before T are used; customers are included if they signed up\n' +
        'before T and had not churned before it; the label is 1 when they churned within --horizon-days after T.\n' +
        'Cutoffs whose horizon runs past the end of the data are censored: counted, not labelled. Writes:\n' +
        '  OUT/features.parquet, OUT/features.csv   one row per (customer_id, cutoff): label, then the features\n' +
        '  OUT/feature-dictionary.json               what each feature means (window, direction, dimension)\n' +
        '  OUT/feature-summary.json                  per cutoff: customers, labelled, churned, censored',
    )
    .requiredOption('--data <dir>', 'ingest output folder with tables/ (the duckdb engine also reads a folder of contract CSVs)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--cutoffs <list>', 'YYYY-MM-DD,YYYY-MM-DD,... or monthly:START:END (default: the last 12 month starts whose horizon fits the data)')
    .option('--horizon-days <n>', 'churn horizon after each cutoff, in days', '90')
    .addOption(new Option('--churn <definition>', 'what churned means').choices(CHURN).default('explicit'))
    .option('--inactivity-tables <list>', 'with --churn inactivity: tables whose rows count as activity', 'transactions')
    .addOption(new Option('--engine <name>', 'in memory (arquero) or out of core (duckdb)').choices(FEATURE_ENGINES).default('arquero'))
    .option('--as-of <date>', 'build the unlabelled scoring snapshot at this date instead (for batch scoring)')
    .option('--spec <file>', 'a feature spec JSON (default: the built-in spec, see docs/features.md)')
    .addOption(threadsOption())
    .option('--quiet', 'print nothing but warnings')
    .addHelpText('after', examples(
      'healthscore features --data runs/ingested --out runs/features',
      'healthscore features --data runs/ingested --cutoffs monthly:2024-01-01:2024-12-01 --horizon-days 90 --out runs/features',
      'healthscore features --data runs/ingested --engine duckdb --churn subscription --out runs/features',
      'healthscore features --data runs/cdnow --cutoffs 1997-10-01,1998-01-01 --churn inactivity --out runs/cdnow-features',
      'healthscore features --data runs/ingested --as-of 2025-06-30 --out runs/snapshot',
    ))
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { FeaturesStageOptions, runFeaturesStage }] = await Promise.all([
        import('../flags.ts'),
        import('../../features/features-stage.ts'),
      ]);
      const { churn, inactivityTables, quiet, ...options } = parseFlags(
        FeaturesStageOptions.omit({ threads: true }).extend({
          horizonDays: flag.positiveWholeNumber,
          churn: flag.oneOf(CHURN),
          inactivityTables: flag.listOf(ACTIVITY),
          quiet: flag.on,
        }),
        flags,
      );
      await runFeaturesStage({ ...options, churn: churnDefinition(churn, inactivityTables) }, quiet ? quietLog : consoleLog);
    });
}

function churnDefinition(kind: (typeof CHURN)[number], tables: Array<(typeof ACTIVITY)[number]>): ChurnDefinition {
  if (kind === 'subscription') return { kind: 'subscriptionEnded' };
  return kind === 'inactivity' ? { kind: 'inactivity', tables } : { kind: 'explicit' };
}
