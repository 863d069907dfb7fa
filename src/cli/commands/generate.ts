import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('generate is not built yet');
    });
}
