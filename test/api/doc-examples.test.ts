/**
 * Every `@example` of the public entries (public-entries.ts) type-checks and runs.
 *
 * How an example is run:
 * - It is a module of its own: import from 'healthscore', 'healthscore/ahp' or 'healthscore/value'
 *   (they resolve to the source entries); top-level await is fine.
 * - It is type-checked with the repository's options, strict.
 * - Its working directory is a fresh folder where `data/<name>` (each of `data/`) and `models/ahp`
 *   are links to the repository's; anything it writes (`models/churn`) stays in that folder.
 * - A line that is one `console.log(...)` statement followed by `// => text` checks that what it
 *   prints equals `text`, both trimmed, as strings: write the output exactly as it prints
 *   (`0.30000000000000004`, `[ 1, 2 ]`). A `// =>` anywhere else is an ordinary comment.
 * - Examples share a few processes (DOC_EXAMPLES_PROCESSES, default one per core, at most 2) and
 *   run one after another in each, so an example must not rely on global state that another
 *   example changes. DOC_EXAMPLES_FILTER=text runs only the examples whose `entry: name` has it.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilerOptionsOf, entryProgram, exportDocs } from '../support/doc-examples.ts';
import { REPO_ROOT } from '../support/shared-data.ts';
import { PUBLIC_ENTRIES, presentEntries } from './public-entries.ts';
import { checkExamples, examplesOf, type ExampleOutcome } from './run-examples.ts';

const PROCESSES = Number(process.env.DOC_EXAMPLES_PROCESSES ?? Math.min(2, availableParallelism()));
const TIMEOUT_MS = 120_000;
const FILTER = process.env.DOC_EXAMPLES_FILTER ?? '';

const present = presentEntries(PUBLIC_ENTRIES);
const program = entryProgram(present, compilerOptionsOf(join(REPO_ROOT, 'tsconfig.json')));
const docs = exportDocs(program, present, REPO_ROOT).filter((d) => `${d.entry}: ${d.name}`.includes(FILTER));
const examples = examplesOf(docs);

describe('public examples', () => {
  const outcomes = new Map<string, ExampleOutcome>();

  beforeAll(async () => {
    const started = performance.now();
    const checked = await checkExamples(docs, present, program, { repoRoot: REPO_ROOT, processes: PROCESSES, timeoutMs: TIMEOUT_MS });
    for (const o of checked.outcomes) outcomes.set(o.example.id, o);
    const slowest = [...outcomes.values()].sort((a, b) => b.run.ms - a.run.ms).slice(0, 3);
    console.log(
      `${outcomes.size} examples checked and run in ${((performance.now() - started) / 1000).toFixed(1)} s with ${PROCESSES} processes; ` +
        `slowest: ${slowest.map((o) => `${o.example.label.replace(/ \(.*/, '')} ${(o.run.ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
  }, 30 * 60_000);

  it('has examples to run', () => {
    expect(examples.length, FILTER === '' ? 'no public export has an example' : `no example matches ${FILTER}`).toBeGreaterThan(0);
  });

  describe.each(examples.map((e) => [e.label, e.id] as const))('%s', (label, id) => {
    it('type-checks', () => {
      const errors = outcomes.get(id)?.typeErrors ?? [`${label}: not checked`];
      if (errors.length > 0) expect.fail(`${label} does not type-check:\n${errors.join('\n')}`);
    });

    it('runs and prints what its // => comments say', () => {
      const run = outcomes.get(id)?.run;
      if (run === undefined) expect.fail(`${label}: not run`);
      if (!run.ok) {
        const output = [run.stderr.trim() && `stderr:\n${run.stderr.trim()}`, run.stdout.trim() && `stdout:\n${run.stdout.trim()}`].filter(Boolean);
        expect.fail([`${label} failed: ${run.message}`, ...output].join('\n'));
      }
    });
  });
});
