import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerValue(program: Command): void {
  program
    .command('value')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('value is not built yet');
    });
}
