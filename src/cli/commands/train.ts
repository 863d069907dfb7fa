import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('train is not built yet');
    });
}
