import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('evaluate is not built yet');
    });
}
