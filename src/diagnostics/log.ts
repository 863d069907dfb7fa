/**
 * Where long jobs report progress and warnings (`scoreBatch`, `readCustomerData({ log })`); the
 * library prints nothing unless given one.
 *
 * @example
 * ```ts
 * import { readCustomerData, type Log } from 'healthscore';
 * const lines: string[] = [];
 * const log: Log = { info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) };
 * await readCustomerData('data/sample', { log });
 * console.log(lines.some((l) => l.startsWith('customers:'))); // => true
 * ```
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
}

export const consoleLog: Log = {
  info: (m) => console.log(m),
  warn: (m) => console.error(`warning: ${m}`),
};

export const quietLog: Log = { info: () => {}, warn: (m) => console.error(`warning: ${m}`) };

/** A log that drops everything: the library's default, since a library does not print. */
export const silentLog: Log = { info: () => {}, warn: () => {} };
