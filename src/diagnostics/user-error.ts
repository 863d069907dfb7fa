/**
 * Exit codes of the `healthscore` command, and the `exitCode` a `UserError` carries.
 *
 * @example
 * ```ts
 * import { ExitCode } from 'healthscore';
 * console.log(ExitCode.badInput, ExitCode.modelMismatch); // => 3 4
 * ```
 */
export const ExitCode = {
  ok: 0,
  /** Wrong flags or arguments (commander's own exit code). */
  usage: 1,
  /** The input data or a config is wrong: missing file or column, unreadable file, bad value. */
  badInput: 3,
  /** A saved model does not fit the data (feature schema) or fails its checksum. */
  modelMismatch: 4,
  /** A bug in healthscore: the message and stack trace should be reported. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A user's mistake (bad input data, a wrong option, a model that does not fit the data), shown as one line that
 * names the file, row and column where there is one. Anything else thrown is a bug.
 *
 * @example
 * ```ts
 * import { readCustomerData, UserError } from 'healthscore';
 * try {
 *   await readCustomerData('no/such/folder');
 * } catch (err) {
 *   console.log(err instanceof UserError); // => true
 * }
 * ```
 */
export class UserError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = ExitCode.badInput) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
