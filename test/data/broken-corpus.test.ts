/**
 * The broken-input corpus: each folder of test/fixtures/broken/ is one mistake a user can make,
 * with its exact expected outcome in expected.json — either the one-line error and exit code of
 * a whole-file problem, or the exact quarantine lines and per-table counts of row problems.
 * Adding a case is adding a folder; this one table-driven test runs them all.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/diagnostics/user-error.ts';
import { ingestFolder } from '../../src/data/ingest-folder.ts';
import { REPO_ROOT } from '../support/shared-data.ts';

interface Expected {
  error?: string;
  exitCode?: number;
  asOf?: string;
  /** table → [read, accepted, rejected] */
  summary?: Record<string, [number, number, number]>;
  extra?: Record<string, string[]>;
  /** table → quarantine lines as "line|column|value|reason" */
  quarantine?: Record<string, string[]>;
}

const CORPUS = join(REPO_ROOT, 'test', 'fixtures', 'broken');
const cases = readdirSync(CORPUS).sort();
const outRoot = mkdtempSync(join(tmpdir(), 'hs-broken-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe('the broken-input corpus', () => {
  it('has at least 20 distinct cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s gives exactly its expected outcome', async (name) => {
    const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as Expected;
    const dataDir = join('test', 'fixtures', 'broken', name, 'data');
    const outDir = join(outRoot, name);
    const run = ingestFolder(join(REPO_ROOT, dataDir), outDir, { asOf: expected.asOf ?? null });
    if (expected.error !== undefined) {
      const err = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      const userError = err as UserError;
      expect(userError.message).toBe(expected.error.replaceAll('<DATA>', join(REPO_ROOT, dataDir)));
      expect(userError.message).not.toContain('\n');
      expect(userError.exitCode).toBe(expected.exitCode);
      return;
    }
    const summary = await run;
    const counts = Object.fromEntries(summary.tables.map((t) => [t.table, [t.read, t.accepted, t.rejected]]));
    expect(counts).toEqual(expected.summary);
    for (const t of summary.tables) expect(t.extra_columns).toEqual(expected.extra?.[t.table] ?? []);
    for (const [table, lines] of Object.entries(expected.quarantine ?? {})) {
      const rows = parse(readFileSync(join(outDir, 'quarantine', `${table}.csv`)), { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => [r.line, r.column, r.value, r.reason].join('|'))).toEqual(lines);
    }
  });
});
