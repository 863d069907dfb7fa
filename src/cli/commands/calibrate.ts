import type { Command } from 'commander';
import { UserError } from '../exit.ts';

// PLACEHOLDER-UNTIL-BUILT: replaced by the stage's real command.
export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('calibrate is not built yet');
    });
}
