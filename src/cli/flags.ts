/**
 * Reading a command's flags, one way: commander parses the command line, then a zod schema checks and converts the
 * values; a bad one stops with `--flag-name: message` and exit code 1, as commander's own errors do. Commands import
 * this module inside their action, so `--help` loads no zod.
 */
import { z } from 'zod';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';

/** `--horizon-days` for commander's camel-cased `horizonDays`. */
export const flagName = (key: PropertyKey): string => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A flag `read` turns into a value, or null with the message `"TEXT" is not WHAT`; numbers (defaults) pass as text. */
function readFlag<T>(read: (text: string) => T | null, what: string) {
  return z.union([z.string(), z.number()]).transform((v, ctx): T => {
    const value = read(String(v));
    if (value !== null) return value;
    ctx.addIssue({ code: 'custom', message: `"${v}" is not ${what}`, input: v });
    return z.NEVER;
  });
}

const numberAtLeast = (min: number, above: boolean, integer: boolean) => (text: string): number | null => {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(n) && (!integer || Number.isInteger(n)) && (above ? n > min : n >= min) ? n : null;
};

/** Schemas for the kinds of value the commands' flags take. */
export const flag = {
  text: z.string(),
  /** A switch: `--quiet` present is true, absent false. */
  on: z.boolean().default(false),
  /** Comma-separated text as its trimmed, non-empty parts. */
  list: z.string().transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part !== '')),
  /** One of the values commander's `.choices()` lists, typed as their union. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  /** Comma-separated values, each one of `values`. */
  listOf: <const T extends string>(values: readonly T[]) =>
    readFlag((text) => {
      const parts = text.split(',').map((part) => part.trim());
      return parts.every((part): part is T => (values as readonly string[]).includes(part)) ? parts : null;
    }, `a comma-separated list of ${values.join(', ')}`),
  wholeNumber: readFlag(numberAtLeast(0, false, true), 'a whole number ≥ 0'),
  positiveWholeNumber: readFlag(numberAtLeast(0, true, true), 'a positive whole number'),
  nonNegativeNumber: readFlag(numberAtLeast(0, false, false), 'a number ≥ 0'),
  positiveNumber: readFlag(numberAtLeast(0, true, false), 'a number > 0'),
  /** A name that becomes a folder name (a model name or version): only path-safe characters. */
  folderName: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: (issue) => `"${String(issue.input)}" may hold only letters, digits, dot, dash or underscore` }),
  read: readFlag,
};

/**
 * The flags commander parsed (`--horizon-days` → `horizonDays`) checked and converted by `schema` (or
 * `z.object(schema)` for a shape); keys it does not name are dropped.
 *
 * @example
 * parseFlags({ seedSplit: flag.wholeNumber }, { seedSplit: '7' }); // => { seedSplit: 7 }
 * parseFlags({ seedSplit: flag.wholeNumber }, { seedSplit: '-1' }); // throws UserError('--seed-split: "-1" is not a whole number ≥ 0'), exit 1
 */
export function parseFlags<S extends z.ZodRawShape>(shape: S, flags: Record<string, unknown>): z.output<z.ZodObject<S>>;
export function parseFlags<S extends z.ZodType>(schema: S, flags: Record<string, unknown>): z.output<S>;
export function parseFlags(schema: z.ZodType | z.ZodRawShape, flags: Record<string, unknown>): unknown {
  const parsed = (schema instanceof z.ZodType ? schema : z.object(schema)).safeParse(flags);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserError(issue.path.length > 0 ? `${flagName(issue.path[0])}: ${issue.message}` : issue.message, ExitCode.usage);
}
