/**
 * Real data sets live in ../shared/data beside the repository; a fresh clone has none.
 * Tests that need them use `describeShared`, which skips with one line when the folder is absent.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');

export const sharedPath = (...parts: string[]): string => join(SHARED_DATA, ...parts);

export function haveShared(...parts: string[]): boolean {
  return existsSync(sharedPath(...parts));
}

/** `describe` when the shared file exists, else a skipped suite and a one-line message. */
export function describeShared(file: string[], name: string, body: () => void): void {
  if (haveShared(...file)) {
    describe(name, body);
  } else {
    console.log(`skipped "${name}": ${sharedPath(...file)} is absent`);
    // Not `describe.skip(name, body)`: vitest still runs a skipped suite's body to collect its
    // tests, and a body that reads the absent file at collection time would fail the run.
    describe.skip(name, () => {
      it(`needs ${sharedPath(...file)}`, () => {});
    });
  }
}
