import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerScore(program: Command): void {
  program
    .command('score')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('score is not built yet');
    });
}
