import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('compare is not built yet');
    });
}
