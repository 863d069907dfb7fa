/** `healthscore report`: a run's manager report rendered again from its input (src/run/stages/report-stage.ts). */
import type { Command } from 'commander';
import { consoleLog, quietLog } from '../../diagnostics/log.ts';
import { examples } from '../examples.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Render the manager report of a finished run again: reads RUN/report-input.json (written by ' +
        '"healthscore run"), validates it, and writes report.html (one self-contained file, no network) and ' +
        'report.md. A health score of 80 means about a 20% chance of churning within the horizon.',
    )
    .requiredOption('--run <dir>', 'a run folder holding report-input.json')
    .option('--out <dir>', 'where to write report.html and report.md (default: the run folder)')
    .option('--quiet', 'print nothing but warnings')
    .addHelpText('after', examples('healthscore report --run runs/latest', 'healthscore report --run runs/latest --out /tmp/report-preview'))
    .action(async (flags: Record<string, unknown>) => {
      const [{ flag, parseFlags }, { runReportStage }] = await Promise.all([import('../flags.ts'), import('../../run/stages/report-stage.ts')]);
      const { quiet, ...options } = parseFlags({ run: flag.text, out: flag.text.optional(), quiet: flag.on }, flags);
      await runReportStage(options, quiet ? quietLog : consoleLog);
    });
}
