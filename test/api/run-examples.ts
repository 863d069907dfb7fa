/**
 * Type-checks and runs the `@example` code of public exports (read by test/support/doc-examples.ts).
 * Each example becomes a module in a temporary folder; its imports of the package's specifiers
 * point at the source entries. Runs happen in a few tsx processes (example-runner.ts), each
 * example in a fresh working directory where `data/*` and `models/ahp` link to the repository's,
 * so what an example writes stays out of the repository.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { ExportDoc, PublicEntries } from '../support/doc-examples.ts';
import type { RunnerManifest, RunnerRecord } from './example-runner.ts';

export interface Example {
  id: string;
  /** `healthscore/ahp: judgmentMatrix example 2 (src/ahp/judgment-matrix.ts:14)` */
  label: string;
  code: string;
}

export interface ExampleRun {
  ok: boolean;
  message: string;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The examples of every export, numbered in order. */
export function examplesOf(docs: readonly ExportDoc[]): Example[] {
  const examples: Example[] = [];
  for (const doc of docs) {
    doc.examples.forEach((code, i) => {
      const label = `${doc.entry}: ${doc.name} example ${i + 1} (${doc.declarationFile}:${doc.line})`;
      examples.push({ id: String(examples.length + 1).padStart(4, '0'), label, code });
    });
  }
  return examples;
}

/** Where the example modules of one test run were written. */
export interface ExampleFolder {
  root: string;
  /** The examples as written (imports of the package), for the type-check. */
  checkFile: (id: string) => string;
  /** The examples with imports pointing at the source entries and `// =>` checks, for running. */
  runFile: (id: string) => string;
  cwd: (id: string) => string;
}

/**
 * Writes each example twice (as written; and runnable) and makes its working directory.
 * `entries` map the package's specifiers to absolute paths of their source files.
 */
export function writeExamples(examples: readonly Example[], entries: PublicEntries, repoRoot: string): ExampleFolder {
  const root = mkdtempSync(join(tmpdir(), 'doc-examples-'));
  const folder: ExampleFolder = {
    root,
    checkFile: (id) => join(root, 'check', `${id}.mts`),
    runFile: (id) => join(root, 'run', `${id}.mts`),
    cwd: (id) => join(root, 'cwd', id),
  };
  for (const dir of ['check', 'run', 'cwd']) mkdirSync(join(root, dir));
  // Bare imports other than the package's (zod, arquero) resolve from the example's folder.
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  const dataEntries = existsSync(join(repoRoot, 'data')) ? readdirSync(join(repoRoot, 'data')) : [];
  for (const example of examples) {
    writeFileSync(folder.checkFile(example.id), `${example.code}\n`);
    writeFileSync(folder.runFile(example.id), `${runnable(example.code, entries)}\n`);
    const cwd = folder.cwd(example.id);
    mkdirSync(join(cwd, 'models'), { recursive: true });
    mkdirSync(join(cwd, 'data'));
    // Links per data set, not one for `data`: an example that writes `data/generated` writes here.
    for (const name of dataEntries) symlinkSync(join(repoRoot, 'data', name), join(cwd, 'data', name));
    symlinkSync(join(repoRoot, 'models', 'ahp'), join(cwd, 'models', 'ahp'), 'dir');
  }
  return folder;
}

const IMPORT_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\2/g;
const LOGGED_LINE = /^(\s*)console\.log\((.*?)\)\s*;?\s*\/\/\s*=>(.*)$/;

/**
 * The example as run: imports of the package's specifiers point at the entries' files, and a line
 * `console.log(args); // => text` becomes a call that prints the same and fails unless the printed
 * text equals `text` (both trimmed). Lines keep their numbers, so stack traces match the example.
 */
export function runnable(code: string, entries: PublicEntries): string {
  return code
    .split('\n')
    .map((line) => {
      const logged = LOGGED_LINE.exec(line);
      const checked = logged ? `${logged[1]}globalThis.__docLog(${JSON.stringify(logged[3].trim())}, ${logged[2]});` : line;
      return checked.replace(IMPORT_SPECIFIER, (whole, before: string, quote: string, specifier: string) =>
        specifier in entries ? `${before}${quote}${resolve(entries[specifier])}${quote}` : whole,
      );
    })
    .join('\n');
}

/**
 * Type errors of each example (strict, the repository's options), keyed by id; examples without
 * errors are absent. `paths` map the package's specifiers to the entries, as an installed package
 * would resolve them. `oldProgram` (the one that read the exports) saves parsing src/ again.
 */
export function typecheckExamples(
  examples: readonly Example[],
  folder: ExampleFolder,
  entries: PublicEntries,
  options: ts.CompilerOptions,
  oldProgram?: ts.Program,
): Map<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [specifier, file] of Object.entries(entries)) paths[specifier] = [resolve(file)];
  const program = ts.createProgram({
    rootNames: examples.map((e) => folder.checkFile(e.id)),
    options: { ...options, strict: true, noEmit: true, paths },
    oldProgram,
  });
  const errors = new Map<string, string[]>();
  for (const example of examples) {
    const source = program.getSourceFile(folder.checkFile(example.id));
    if (source === undefined) throw new Error(`${example.label}: ${folder.checkFile(example.id)} is not in the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    if (diagnostics.length > 0) errors.set(example.id, diagnostics.map(formatDiagnostic));
  }
  return errors;
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `line ${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
}

export interface ExampleOutcome {
  example: Example;
  /** Empty when the example type-checks. */
  typeErrors: string[];
  run: ExampleRun;
}

/**
 * Writes, type-checks and runs the examples of `docs`; the type-check runs in this process while
 * the runners work. `program` is the one that read the exports.
 */
export async function checkExamples(
  docs: readonly ExportDoc[],
  entries: PublicEntries,
  program: ts.Program,
  options: RunOptions,
): Promise<{ outcomes: ExampleOutcome[]; folder: ExampleFolder }> {
  const examples = examplesOf(docs);
  const folder = writeExamples(examples, entries, options.repoRoot);
  const running = runExamples(examples, folder, options);
  const typeErrors = typecheckExamples(examples, folder, entries, program.getCompilerOptions(), program);
  const runs = await running;
  const outcomes = examples.map((example) => {
    const run = runs.get(example.id);
    if (run === undefined) throw new Error(`${example.label}: no result from the runner`);
    return { example, typeErrors: typeErrors.get(example.id) ?? [], run };
  });
  return { outcomes, folder };
}

export interface RunOptions {
  repoRoot: string;
  /** Runner processes at once; each takes the next unclaimed example when it is free. */
  processes: number;
  /** Per example; a timed-out example fails and the rest continue in a new process. */
  timeoutMs: number;
}

/** Runs every example; the result of each, keyed by id. */
export async function runExamples(
  examples: readonly Example[],
  folder: ExampleFolder,
  options: RunOptions,
): Promise<Map<string, ExampleRun>> {
  const manifest: RunnerManifest = {
    claims: join(folder.root, 'claims'),
    timeoutMs: options.timeoutMs,
    examples: examples.map((e) => ({ id: e.id, file: folder.runFile(e.id), cwd: folder.cwd(e.id) })),
  };
  mkdirSync(manifest.claims);
  const manifestPath = join(folder.root, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const workers = Math.max(1, Math.min(options.processes, examples.length));
  const attempts = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(i, manifestPath, manifest, folder, options)));
  const results = new Map<string, ExampleRun>();
  for (const attempt of attempts.flat()) {
    for (const [id, run] of attempt) results.set(id, run);
  }
  for (const example of examples) {
    if (results.has(example.id)) continue;
    results.set(example.id, { ok: false, message: 'not run: the runners failed before reaching it', stdout: '', stderr: runnerFailures(folder), ms: 0 });
  }
  return results;
}

/**
 * One worker: a runner process, and a new one each time a runner ends while examples are still
 * unclaimed (the previous one died in an example or timed out). The results of each attempt.
 */
async function runWorker(
  worker: number,
  manifestPath: string,
  manifest: RunnerManifest,
  folder: ExampleFolder,
  options: RunOptions,
): Promise<Map<string, ExampleRun>[]> {
  const attempts: Map<string, ExampleRun>[] = [];
  for (let attempt = 0; ; attempt++) {
    const base = join(folder.root, `runner-${worker}-${attempt}`);
    writeFileSync(`${base}.results.jsonl`, '');
    const exitCode = await runRunner(manifestPath, base, options.repoRoot);
    const records = readFileSync(`${base}.results.jsonl`, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as RunnerRecord);
    const results = new Map<string, ExampleRun>();
    for (const r of records) {
      if (r.event === 'end') results.set(r.id, { ok: r.ok, message: r.message, stdout: r.stdout, stderr: r.stderr, ms: r.ms });
    }
    const died = records.find((r) => r.event === 'start' && !results.has(r.id));
    if (died !== undefined) {
      const message = `the process exited (${exitCode}) during this example: it called process.exit, crashed, or awaited a promise that never settles`;
      results.set(died.id, { ok: false, message, stdout: '', stderr: readFileSync(`${base}.stderr`, 'utf8'), ms: 0 });
    }
    attempts.push(results);
    const unclaimed = manifest.examples.some((e) => !existsSync(join(manifest.claims, e.id)));
    // A runner that ran nothing failed on its own (its stderr says why): starting another would too.
    if (records.length === 0 || !unclaimed) return attempts;
  }
}

/** The stderr of runners that ran no example. */
function runnerFailures(folder: ExampleFolder): string {
  return readdirSync(folder.root)
    .filter((name) => name.endsWith('.results.jsonl') && readFileSync(join(folder.root, name), 'utf8') === '')
    .map((name) => readFileSync(join(folder.root, name.replace(/\.results\.jsonl$/, '.stderr')), 'utf8'))
    .join('\n');
}

function runRunner(manifestPath: string, base: string, repoRoot: string): Promise<number | string> {
  // Files rather than pipes: nobody has to drain them while the runner works.
  const out = openSync(`${base}.stdout`, 'w');
  const err = openSync(`${base}.stderr`, 'w');
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    ['--tsconfig', join(repoRoot, 'tsconfig.json'), join(repoRoot, 'test', 'api', 'example-runner.ts'), manifestPath, `${base}.results.jsonl`],
    { stdio: ['ignore', out, err] },
  );
  closeSync(out);
  closeSync(err);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
}
