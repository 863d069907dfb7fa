/**
 * The machinery of the public-API tests, on a fixture entry (test/api/fixtures/entry.ts) that has
 * one export of each shape and examples that fail in each way: reading the docs
 * (test/support/doc-examples.ts), then type-checking and running the examples (run-examples.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilerOptionsOf, docProblems, entryProgram, exportDocs, parseDocComment } from '../support/doc-examples.ts';
import { REPO_ROOT } from '../support/shared-data.ts';
import { checkExamples, runnable, type ExampleFolder, type ExampleOutcome } from './run-examples.ts';

const ENTRIES = { healthscore: join(REPO_ROOT, 'test', 'api', 'fixtures', 'entry.ts') };
const program = entryProgram(ENTRIES, compilerOptionsOf(join(REPO_ROOT, 'tsconfig.json')));
const docs = exportDocs(program, ENTRIES, REPO_ROOT);
const doc = (name: string) => docs.find((d) => d.name === name);

describe('reading the exports of an entry', () => {
  it('lists re-exports and the names of export * sorted by name', () => {
    expect(docs.map((d) => d.name)).toEqual([
      'Bucket',
      'Counter',
      'ORIGIN',
      'Pair',
      'Point',
      'Threshold',
      'describedOnly',
      'documented',
      'failing',
      'overloaded',
      'touchModel',
      'undocumented',
    ]);
  });

  it('follows an alias to the declaration and gives its kind, file and line', () => {
    expect(doc('Counter')).toMatchObject({ entry: 'healthscore', kind: 'class', declarationFile: 'test/api/fixtures/counter.ts', line: 12 });
    expect(doc('Point')?.kind).toBe('interface');
    expect(doc('Pair')?.kind).toBe('type');
    expect(doc('ORIGIN')?.kind).toBe('const');
  });

  it('reads the doc of a schema from its const or from its type of the same name', () => {
    expect(doc('Threshold')).toMatchObject({ kind: 'const+type', line: 13, doc: expect.stringMatching(/^A probability cut-off/) });
    expect(doc('Bucket')).toMatchObject({ kind: 'const+type', line: 26, doc: expect.stringMatching(/^A score range/) });
  });

  it('reads the doc of overloads from the first signature', () => {
    expect(doc('overloaded')).toMatchObject({ kind: 'function', line: 35 });
    expect(doc('overloaded')?.examples).toEqual(["import { overloaded } from 'healthscore';\nconsole.log(overloaded('3') + overloaded(4)); // => 7"]);
  });

  it('names every export without a description or an @example, with its file and line', () => {
    expect(docProblems(docs)).toEqual([
      'healthscore: describedOnly (test/api/fixtures/functions.ts:24) — no @example',
      'healthscore: undocumented (test/api/fixtures/functions.ts:19) — no description, no @example',
    ]);
  });
});

describe('parsing a doc comment', () => {
  it('keeps indentation and @ characters inside a fence', () => {
    expect(doc('documented')?.examples).toEqual([
      [
        "import { documented } from 'healthscore';",
        'for (const n of [1, 2]) {',
        '  if (n === 2) {',
        '    console.log(documented(n)); // => 4',
        '  }',
        '}',
        "console.log('@scope/pkg'); // => @scope/pkg",
      ].join('\n'),
    ]);
  });

  it('takes each ts or typescript block of a tag and skips a block of another language', () => {
    expect(doc('ORIGIN')?.examples).toEqual([
      "import { ORIGIN } from 'healthscore';\nconsole.log(ORIGIN.x); // => 0",
      'import { ORIGIN } from \'healthscore\';\nconsole.log(JSON.stringify(ORIGIN)); // => {"x":0,"y":0}',
    ]);
  });

  it('takes an @example without a fence as code, less its caption', () => {
    expect(doc('Pair')?.examples).toEqual(['const pair: [number, number] = [1, 2];']);
  });

  it('separates the description from the tags and ignores other tags', () => {
    const comment = ['/**', ' * Sums.', ' *', ' * @param xs numbers', ' * @example sum([1, 2]); // => 3', ' * @returns the sum', ' */'].join('\n');
    expect(parseDocComment(comment)).toEqual({ description: 'Sums.', examples: ['sum([1, 2]); // => 3'] });
  });

  it('has no description when the comment holds only tags', () => {
    expect(parseDocComment('/** @example f(); */')).toEqual({ description: null, examples: ['f();'] });
  });
});

describe('making an example runnable', () => {
  const entries = { healthscore: '/repo/src/index.ts', 'healthscore/ahp': '/repo/src/ahp/index.ts' };

  it('points imports of the package at the entry files and leaves other imports', () => {
    const code = ["import { a } from 'healthscore';", 'import type { B } from "healthscore/ahp";', "import { z } from 'zod';", "const m = await import('healthscore');"].join('\n');
    expect(runnable(code, entries)).toBe(
      ["import { a } from '/repo/src/index.ts';", 'import type { B } from "/repo/src/ahp/index.ts";', "import { z } from 'zod';", "const m = await import('/repo/src/index.ts');"].join('\n'),
    );
  });

  it('turns a one-line console.log with // => into a checked call on the same line', () => {
    expect(runnable('  console.log(f(1), "a // b");  // =>  2 a // b ', entries)).toBe('  globalThis.__docLog("2 a // b", f(1), "a // b");');
  });

  it('leaves // => after anything but a console.log statement', () => {
    expect(runnable('f(1); // => 2', entries)).toBe('f(1); // => 2');
  });
});

describe('checking and running the examples', () => {
  let outcomes: ExampleOutcome[];
  let folder: ExampleFolder;
  const outcome = (label: string) => {
    const found = outcomes.find((o) => o.example.label.startsWith(`healthscore: ${label} `));
    if (found === undefined) throw new Error(`no example ${label}`);
    return found;
  };

  beforeAll(async () => {
    ({ outcomes, folder } = await checkExamples(docs, ENTRIES, program, { repoRoot: REPO_ROOT, processes: 2, timeoutMs: 60_000 }));
  });

  it('passes the examples that type-check, run and print what their // => say', () => {
    const passing = outcomes.filter((o) => !o.example.label.includes(': failing ')).map((o) => [o.example.label, o.typeErrors, o.run.message]);
    expect(passing).toEqual(passing.map(([label]) => [label, [], '']));
    expect(passing).toHaveLength(10);
  });

  it('fails an example whose console.log prints other than its // =>', () => {
    const o = outcome('failing example 1');
    expect(o.run.ok).toBe(false);
    expect(o.run.message).toContain('console.log printed "42", the example says // => 41');
    expect(o.run.stdout).toBe('42\n');
  });

  it('fails an example that throws, with the error and its line in the example', () => {
    const o = outcome('failing example 2');
    expect(o.run.ok).toBe(false);
    expect(o.run.message).toMatch(/Error: broken example\n\s+at .*\.mts:1:7/);
  });

  it('fails an example that does not type-check, naming line and error', () => {
    const o = outcome('failing example 3');
    expect(o.typeErrors).toEqual(["line 1:7 TS2322: Type 'string' is not assignable to type 'number'."]);
  });

  it('fails an example that ends the process, with what it printed, and runs the next ones in a new process', () => {
    const o = outcome('failing example 4');
    expect(o.run.message).toMatch(/^the process exited \(3\) during this example/);
    expect(o.run.stderr).toContain('leaving');
    expect(outcome('touchModel example 1').run.ok).toBe(true);
  });

  it('fails an example whose top-level await never settles', () => {
    expect(outcome('failing example 5').run.message).toMatch(/^the process exited \(\w+\) during this example/);
  });

  it('runs an example in its own folder, where data/ and models/ahp are the repository’s', () => {
    const o = outcome('touchModel example 1');
    expect(o.run.ok).toBe(true);
    expect(readFileSync(join(folder.cwd(o.example.id), 'models', 'churn', 'model.json'), 'utf8')).toBe('{}');
  });
});
