/**
 * What every pipelines/ script does: run one `healthscore` command in this process with the
 * script's arguments, so its flags, help, validation and exit codes are the command line's. A
 * script may fill in run-folder defaults (`--data runs/latest/ingest`) for flags not given.
 */
import { runCli } from '../src/cli/main.ts';

export function runStageCommand(command: string, defaults: Readonly<Record<string, string>> = {}): void {
  const argv = process.argv.slice(2);
  const given = (flag: string): boolean => argv.some((a) => a === flag || a.startsWith(`${flag}=`));
  runCli([command, ...Object.entries(defaults).filter(([flag]) => !given(flag)).flat(), ...argv]);
}
