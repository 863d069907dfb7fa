/**
 * The public surface (issue 18). Every export of the package's entries has, at its declaration, a
 * TSDoc description and an `@example` (doc-examples.test.ts runs them). The names each entry
 * exports are listed in public-exports.json, so that an export is added or removed on purpose;
 * after such a change, rewrite the list and commit it with the change:
 *
 *   UPDATE_PUBLIC_EXPORTS=1 npx vitest run test/api/public-exports.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilerOptionsOf, docProblems, entryProgram, exportDocs } from '../support/doc-examples.ts';
import { REPO_ROOT } from '../support/shared-data.ts';
import { PUBLIC_ENTRIES, presentEntries } from './public-entries.ts';

const LIST = join(REPO_ROOT, 'test', 'api', 'public-exports.json');

const present = presentEntries(PUBLIC_ENTRIES);
const docs = exportDocs(entryProgram(present, compilerOptionsOf(join(REPO_ROOT, 'tsconfig.json'))), present, REPO_ROOT);
const namesOf = (entry: string) => docs.filter((d) => d.entry === entry).map((d) => d.name);

const listed = existsSync(LIST) ? (JSON.parse(readFileSync(LIST, 'utf8')) as Record<string, string[]>) : {};
if (process.env.UPDATE_PUBLIC_EXPORTS === '1') {
  // A missing entry keeps its old list: it fails below either way.
  for (const entry of Object.keys(present)) listed[entry] = namesOf(entry);
  writeFileSync(LIST, `${JSON.stringify(listed, null, 2)}\n`);
}

describe.each(Object.entries(PUBLIC_ENTRIES))('%s', (entry, file) => {
  it('has its entry file', () => {
    expect(existsSync(file), `${relative(REPO_ROOT, file)} does not exist`).toBe(true);
  });

  it('documents every export with a description and an @example', () => {
    const problems = docProblems(docs.filter((d) => d.entry === entry));
    if (problems.length > 0) expect.fail(`${problems.length} exports lack a TSDoc description or an @example:\n${problems.join('\n')}`);
  });

  it('exports the names listed in test/api/public-exports.json', () => {
    const actual = namesOf(entry);
    const expected = listed[entry] ?? [];
    const added = actual.filter((name) => !expected.includes(name));
    const removed = expected.filter((name) => !actual.includes(name));
    if (added.length > 0 || removed.length > 0) {
      expect.fail(
        `${entry} exports changed: added [${added.join(', ')}], removed [${removed.join(', ')}]. ` +
          'If that is intended, run UPDATE_PUBLIC_EXPORTS=1 npx vitest run test/api/public-exports.test.ts and commit test/api/public-exports.json.',
      );
    }
  });
});
