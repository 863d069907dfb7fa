/**
 * Peers for parity tests: scikit-learn, pandas and XGBoost from Debian's packages, which install
 * into /usr/bin/python3 (the python3 first on PATH may be another build without them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export const PYTHON = '/usr/bin/python3';

export function havePythonModules(...modules: string[]): boolean {
  if (!existsSync(PYTHON)) return false;
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0;
}

/** Runs a Python script with JSON on stdin; returns the JSON it prints on stdout. */
export function runPython<T>(script: string, input: unknown): T {
  const r = spawnSync(PYTHON, ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** `describe` when the modules import in /usr/bin/python3, else skipped with a one-line message. */
export function describePython(modules: string[], name: string, body: () => void): void {
  if (havePythonModules(...modules)) {
    describe(name, body);
  } else {
    console.log(`skipped "${name}": ${PYTHON} lacks ${modules.join(', ')}`);
    // The body is not run: vitest would run a skipped suite's body to collect it.
    describe.skip(name, () => {
      it(`needs ${modules.join(', ')} in ${PYTHON}`, () => {});
    });
  }
}
