import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('report is not built yet');
    });
}
