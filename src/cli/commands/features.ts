import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerFeatures(program: Command): void {
  program
    .command('features')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('features is not built yet');
    });
}
