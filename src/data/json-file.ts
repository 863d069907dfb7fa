/**
 * Reading a JSON file that a zod schema describes, one way: a file that cannot be read, is not JSON or
 * breaks the schema stops with a one-line `UserError` naming the file and where the problems are.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ExitCode, UserError } from '../diagnostics/user-error.ts';

export interface JsonFileOptions {
  /** For the message when it cannot be read: "the AHP config". Default "the file". */
  what?: string;
  /** Default `ExitCode.badInput` (a model file uses `modelMismatch`). */
  exitCode?: ExitCode;
}

/** How many schema problems a message lists before it only counts the rest. */
const LISTED_PROBLEMS = 3;

/**
 * The problems of a failed parse as `SOURCE: PATH: MESSAGE`, PATH dotted (`dimensions.0.indicators`) or `(root)`,
 * e.g. `['w.json: a: Invalid input: expected number, received string']`.
 */
export function schemaProblems(error: z.ZodError, source: string): string[] {
  return error.issues.map((i) => `${source}: ${issueText(i)}`);
}

const issueText = (issue: z.core.$ZodIssue): string => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`;

/**
 * `text` parsed as JSON and checked against `schema`, or a `UserError` naming `path` and the first problems:
 * `w.json: not valid JSON (Unexpected end of JSON input)`, exit code 3 by default.
 */
export function parseJsonText<T>(text: string, path: string, schema: z.ZodType<T>, options: JsonFileOptions = {}): T {
  const exitCode = options.exitCode ?? ExitCode.badInput;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${(err as Error).message})`, exitCode);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const more = issues.length - LISTED_PROBLEMS;
  const listed = issues.slice(0, LISTED_PROBLEMS).map(issueText).join('; ') + (more > 0 ? `; and ${more} more` : '');
  throw new UserError(`${path}: ${listed}`, exitCode);
}

/**
 * The file at `path` as `parseJsonText` reads it; an unreadable one stops with `PATH: cannot read WHAT (CODE)`,
 * e.g. `none.json: cannot read the AHP config (ENOENT)`.
 */
export function readJsonFile<T>(path: string, schema: z.ZodType<T>, options: JsonFileOptions = {}): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UserError(`${path}: cannot read ${options.what ?? 'the file'} (${code})`, options.exitCode ?? ExitCode.badInput);
  }
  return parseJsonText(text, path, schema, options);
}
