/**
 * Checks an argument of a public function against its zod schema. A wrong argument is the
 * caller's mistake, so it becomes a `UserError` whose message names the function and the
 * argument's path (`trainChurnModel: options.model: …`) instead of a zod dump.
 */
import { z } from 'zod';
import type { Log } from '../diagnostics/log.ts';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';

export function parseArgument<S extends z.ZodType>(fn: string, name: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${[name, ...i.path.map(String)].join('.')}: ${i.message}`);
  throw new UserError(`${fn}: ${problems.join('; ')}`, ExitCode.usage);
}

/** A `Log` option: any object with `info` and `warn` functions. */
export const LogArgument = z.custom<Log>(
  (v) => typeof v === 'object' && v !== null && typeof (v as Log).info === 'function' && typeof (v as Log).warn === 'function',
  'a Log ({ info(message), warn(message) })',
);
