import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerAhp(program: Command): void {
  program
    .command('ahp')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('ahp is not built yet');
    });
}
