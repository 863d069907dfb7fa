/** What the model stages (train, calibrate, evaluate, compare) share: their last options and their log. */
import type { Command } from 'commander';
import { consoleLog, quietLog, type Log } from '../diagnostics/log.ts';
import { threadsOption } from './threads.ts';

/** `--seed-split` (tabular folders), `--threads` and `--quiet`. */
export function modelStageOptions(command: Command): Command {
  return command
    .option('--seed-split <n>', 'seed of the stratified split (tabular mode)', '0')
    .addOption(threadsOption())
    .option('--quiet', 'print nothing but warnings');
}

/** The stage's log (warnings only with `--quiet`), after selecting the TensorFlow.js backend and naming it. */
export async function modelStageLog(quiet: boolean): Promise<Log> {
  const { selectBackend } = await import('../runtime/backend.ts');
  const log = quiet ? quietLog : consoleLog;
  log.info(`TensorFlow.js backend: ${await selectBackend()}`);
  return log;
}
