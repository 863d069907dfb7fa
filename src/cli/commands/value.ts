/**
 * `healthscore value`: BG/NBD (or MBG/NBD) and Gamma-Gamma fitted to a transaction log at a cutoff, and each
 * customer's P(alive), P(no purchase), expected spend, CLV and revenue at risk (src/value/, ./value-action.ts).
 */
import { Option, type Command } from 'commander';
import { examples } from '../examples.ts';

export const UNITS = ['days', 'weeks'] as const;
export const VARIANTS = ['bgnbd', 'mbgnbd'] as const;

export function registerValue(program: Command): void {
  program
    .command('value')
    .description('Customer lifetime value from a transaction log: BG/NBD purchases x Gamma-Gamma spend, discounted')
    .option('--transactions <file>', 'transactions CSV with columns customer_id, timestamp (ISO 8601), amount')
    .option('--cdnow <file>', 'a CDNOW log instead (CDNOW_master.txt or CDNOW_sample.txt)')
    .requiredOption('--cutoff <date>', 'fit on purchases strictly before this date (UTC)')
    .requiredOption('--out <dir>', 'output folder for customer-value.csv and value-model.json')
    .addOption(new Option('--unit <unit>', 'time unit of recency and T in the fit').choices(UNITS).default('days'))
    .addOption(
      new Option('--variant <model>', 'mbgnbd lets one-time buyers be inactive; bgnbd is the 2005 model').choices(VARIANTS).default('mbgnbd'),
    )
    .option('--horizon-months <n>', 'CLV horizon in months of 30 days', '36')
    .option('--discount <rate>', 'monthly discount rate', '0.01')
    .option('--churn-days <n>', 'horizon of the churn probability P(no purchase), in days', '90')
    .option('--holdout-end <date>', 'also compare predicted and actual repeat purchases from the cutoff to this date (inclusive)')
    .addHelpText(
      'after',
      '\nWrites:\n' +
        '  OUT/customer-value.csv  per customer: frequency, recency, T, monetary_value, p_alive, p_no_purchase,\n' +
        '                          expected_spend, clv, revenue_at_risk (= clv x p_no_purchase), value_method\n' +
        '  OUT/value-model.json    fitted parameters, log-likelihoods, iterations, settings\n' +
        '  OUT/holdout.csv         with --holdout-end: actual vs predicted repeat purchases by calibration frequency\n' +
        examples(
          'healthscore value --transactions data/generated/transactions.csv --cutoff 2025-01-01 --out runs/value',
          'healthscore value --cdnow ../shared/data/cdnow/CDNOW_sample.txt --cutoff 1997-10-01 --unit weeks \\\n    --variant bgnbd --holdout-end 1998-06-30 --out runs/cdnow-value',
        ),
    )
    .action(async (raw: Record<string, unknown>) => {
      const { valueAction } = await import('./value-action.ts');
      await valueAction(raw);
    });
}
