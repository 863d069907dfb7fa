import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerExportSql(program: Command): void {
  program
    .command('export-sql')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('export-sql is not built yet');
    });
}
