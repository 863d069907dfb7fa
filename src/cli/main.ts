/**
 * The `healthscore` command: one subcommand per pipeline stage (./commands/<name>.ts), plus `run` for all of them.
 * A subcommand only turns flags into a pipeline call: commander parses them and a zod schema checks them (./flags.ts).
 */
import { Command, CommanderError } from 'commander';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';
import { COMMANDS } from './commands/index.ts';
import { examples } from './examples.ts';
import { applyThreads } from './threads.ts';

export function buildProgram(): Command {
  const program = new Command('healthscore')
    .description(
      'Predict customer churn from history and turn it into a calibrated 0-100 health score.\n' +
        'A score of 80 means about a 20% chance of churning within the horizon.',
    )
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    // Subcommands have their own --version (a model version); the program's --version must not swallow it.
    .enablePositionalOptions()
    .hook('preAction', (_program, command) => applyThreads(command));
  for (const register of COMMANDS) register(program);
  // The command list shows one line per command; the full description stays in `<command> --help`.
  for (const cmd of program.commands) {
    if (cmd.summary() === '') cmd.summary(cmd.description().split(/(?<=\.)\s|\n|:\s/)[0].replace(/\.$/, ''));
  }
  const parallel = program.commands.filter((cmd) => cmd.options.some((o) => o.long === '--threads')).map((cmd) => cmd.name());
  program.addHelpText(
    'after',
    examples(
      'healthscore run --generate --data data/generated --out runs/latest',
      'healthscore ingest --data data/sample --out runs/ingested',
      'healthscore <command> --help',
    ) +
      `\n\nCommands that compute in parallel (${parallel.join(', ')})\n` +
      "take --threads N: threads for parallel work, the main thread included (default: the machine's cores).",
  );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0
        ? ExitCode.ok
        : ExitCode.usage;
    }
    return reportError(err);
  }
}

/** Prints an error as the CLI reports it and returns the exit code: a user's mistake in one line, anything else as an internal error. */
function reportError(err: unknown): number {
  if (err instanceof UserError) {
    console.error(`healthscore: ${err.message}`);
    return err.exitCode;
  }
  console.error('healthscore: internal error (please report this with the command you ran):');
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return ExitCode.internal;
}

/**
 * A reader that stops early (`healthscore --help | head -1`) makes the next write fail with EPIPE, where a Unix tool
 * would die of SIGPIPE (which Node ignores). That is the reader's choice, not a fault: end at once with 0 and no
 * message, so `set -o pipefail` scripts do not fail. Any other stream error is a crash.
 */
function endQuietlyWhenReaderLeaves(stream: NodeJS.WriteStream, crash: (err: unknown) => void): void {
  stream.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(ExitCode.ok) : crash(err)));
}

/** Runs the command line in this process as its entry point (here, or from bin/healthscore.js). */
export function runCli(argv: string[]): void {
  // An error no command caught (a stray promise, a worker's callback) ends the run as one it caught would.
  const crash = (err: unknown): void => process.exit(reportError(err));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  endQuietlyWhenReaderLeaves(process.stdout, crash);
  endQuietlyWhenReaderLeaves(process.stderr, crash);
  main(argv).then((code) => {
    process.exitCode = code;
  });
}

// src/cli/main.ts under tsx, or dist/cli/main.js once built.
const isEntry = process.argv[1] !== undefined && /[/\\]cli[/\\]main\.[jt]s$/.test(process.argv[1]);
if (isEntry) runCli(process.argv.slice(2));
