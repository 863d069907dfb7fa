import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('ingest is not built yet');
    });
}
