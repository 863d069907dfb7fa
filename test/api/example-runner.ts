/**
 * Child process of run-examples.ts: imports the example modules of a manifest in turn, each in its
 * own working directory, and appends one `start` and one `end` line of JSON per example to its
 * results file. Runners started on the same manifest share the work: each example is run by the
 * runner that first creates its claim file. An example that kills or hangs the process leaves a
 * `start` with no `end`, and the parent starts a new runner for the unclaimed examples.
 *
 * Usage: tsx example-runner.ts <manifest.json> <results.jsonl>
 */
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

export interface RunnerManifest {
  /** A folder where a runner creates `<id>` to claim an example. */
  claims: string;
  timeoutMs: number;
  examples: { id: string; file: string; cwd: string }[];
}

export type RunnerRecord =
  | { id: string; event: 'start' }
  | { id: string; event: 'end'; ok: boolean; message: string; stdout: string; stderr: string; ms: number };

interface Capture {
  stdout: string[];
  stderr: string[];
  errors: unknown[];
}

class TimeoutError extends Error {}

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8')) as RunnerManifest;
const resultsFile = process.argv[3];
let current: Capture | null = null;

const writeStderr = capture(process.stderr, 'stderr');
capture(process.stdout, 'stdout');
// An example that ends the process leaves no `end` record: what it printed and threw goes to the
// runner's own stderr, which the parent reports with it.
process.on('exit', () => {
  if (current === null) return;
  writeStderr(`${current.stdout.join('')}${current.stderr.join('')}${current.errors.map(describe).join('\n')}\n`);
});

// The rewrite of `console.log(x); // => text` (run-examples.ts) calls this in its place.
(globalThis as { __docLog?: (expected: string, ...args: unknown[]) => void }).__docLog = (expected, ...args) => {
  const printed = format(...args);
  console.log(printed);
  if (printed.trim() !== expected) {
    throw new Error(`console.log printed ${JSON.stringify(printed.trim())}, the example says // => ${expected}`);
  }
};

// Errors of an example's timers and floating promises fail that example instead of the process.
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

for (const example of manifest.examples) {
  if (!claim(example.id)) continue;
  record({ id: example.id, event: 'start' });
  const run: Capture = { stdout: [], stderr: [], errors: [] };
  current = run;
  process.chdir(example.cwd);
  const started = performance.now();
  let timedOut = false;
  try {
    await withTimeout(import(pathToFileURL(example.file).href), manifest.timeoutMs);
  } catch (error) {
    timedOut = error instanceof TimeoutError;
    run.errors.push(error);
  }
  // A rejection the example did not await surfaces on a later turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  current = null;
  record({
    id: example.id,
    event: 'end',
    ok: run.errors.length === 0,
    message: run.errors.map(describe).join('\n'),
    stdout: run.stdout.join(''),
    stderr: run.stderr.join(''),
    ms: Math.round(performance.now() - started),
  });
  // The timed-out example is still running: the next one gets a fresh process.
  if (timedOut) process.exit(0);
}
// Timers or handles an example left open must not keep the runner alive.
process.exit(0);

function record(line: RunnerRecord): void {
  appendFileSync(resultsFile, `${JSON.stringify(line)}\n`);
}

/** True when this runner is the first to take the example: `wx` creates the file or fails. */
function claim(id: string): boolean {
  try {
    closeSync(openSync(join(manifest.claims, id), 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function fail(error: unknown): void {
  if (current !== null) {
    current.errors.push(error);
    return;
  }
  process.stderr.write(`error outside any example: ${describe(error)}\n`);
  process.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Unreferenced: an example whose top-level await never settles ends the process (exit 13)
    // at once instead of waiting out the timeout.
    const timer = setTimeout(() => reject(new TimeoutError(`the example did not finish within ${ms} ms`)), ms).unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Sends the stream's writes during an example to its capture; returns the uncaptured write. */
function capture(stream: NodeJS.WriteStream, key: 'stdout' | 'stderr'): (text: string) => void {
  const original = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (current === null) return original(chunk, ...rest);
    current[key].push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write;
  return (text) => {
    original(text);
  };
}
