/**
 * Exit codes of the `healthscore` command and the error type for a user's mistake.
 * A UserError reaches the user as one line (no stack trace); anything else is a bug.
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

export class UserError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = ExitCode.badInput) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
