/** Where pipeline stages report progress: the CLI prints, tests collect, `--quiet` drops. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
}

export const consoleLog: Log = {
  info: (m) => console.log(m),
  warn: (m) => console.error(`warning: ${m}`),
};

export const quietLog: Log = { info: () => {}, warn: (m) => console.error(`warning: ${m}`) };

/** A log that keeps its lines, for tests. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(`warning: ${m}`) };
}

/** A log that drops everything: the library's default, since a library does not print. */
export const silentLog: Log = { info: () => {}, warn: () => {} };
