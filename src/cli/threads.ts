/**
 * `--threads N`, the one thread count of a command that computes in parallel: the worker pool's default
 * (src/parallel/pool.ts) and DuckDB's threads. Declared without zod so `--help` stays light; checked and applied
 * once, before the command's action runs (see main.ts).
 */
import { Option, type Command } from 'commander';

export const threadsOption = (): Option =>
  new Option('--threads <n>', "threads for parallel work, the main thread included (default: the machine's cores)");

/** Sets the process's default thread count from the command's `--threads`, or the machine's cores. */
export async function applyThreads(command: Command): Promise<void> {
  if (!command.options.some((o) => o.attributeName() === 'threads')) return;
  const [{ availableParallelism }, { flag, parseFlags }, { setDefaultThreads }] = await Promise.all([
    import('node:os'),
    import('./flags.ts'),
    import('../parallel/pool.ts'),
  ]);
  const { threads } = parseFlags({ threads: flag.positiveWholeNumber.optional() }, command.opts());
  setDefaultThreads(threads ?? availableParallelism());
}
